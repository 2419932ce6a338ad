CREATE TABLE "programme_texts" (
	"key" text PRIMARY KEY NOT NULL,
	"fr" text NOT NULL,
	"en" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_advisers" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"badges" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_advisers_capacity_check" CHECK ("support_advisers"."capacity" between 0 and 50)
);
--> statement-breakpoint
CREATE TABLE "support_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_messages_role_check" CHECK ("support_messages"."author_role" in ('asker', 'adviser', 'manager'))
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid,
	"adviser_organisation_id" uuid,
	"badges" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"question" text NOT NULL,
	"state" text NOT NULL,
	"meeting" jsonb,
	"feedback" text,
	"first_answered_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_requests_state_check" CHECK ("support_requests"."state" in ('waiting', 'open', 'meeting_proposed', 'meeting_countered', 'meeting_agreed', 'closed')),
	CONSTRAINT "support_requests_assigned_check" CHECK (("support_requests"."state" = 'waiting') = ("support_requests"."adviser_organisation_id" is null) or "support_requests"."state" = 'closed'),
	CONSTRAINT "support_requests_closed_check" CHECK (("support_requests"."state" = 'closed') = ("support_requests"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "programme_texts" ADD CONSTRAINT "programme_texts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_advisers" ADD CONSTRAINT "support_advisers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_adviser_organisation_id_organisations_id_fk" FOREIGN KEY ("adviser_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_messages_request_idx" ON "support_messages" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "support_requests_org_idx" ON "support_requests" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "support_requests_adviser_idx" ON "support_requests" USING btree ("adviser_organisation_id");--> statement-breakpoint
-- hand-written:
INSERT INTO "programme_texts" ("key", "fr", "en") VALUES
  ('label_mailbox', 'badges@region-normandie.example', 'badges@region-normandie.example'),
  ('help_intro', 'Une question sur le label ? Demandez conseil à un CFA pair depuis votre espace, ou écrivez à la boîte du label.', 'A question about the label? Ask a peer CFA for advice from your space, or write to the label''s mailbox.')
ON CONFLICT ("key") DO NOTHING;
