CREATE TABLE "mentoring_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_messages_role_check" CHECK ("mentoring_messages"."author_role" in ('mentee', 'mentor', 'manager'))
);
--> statement-breakpoint
CREATE TABLE "mentoring_pairings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentee_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"share_progress" boolean DEFAULT false NOT NULL,
	"share_drafts" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_pairings_distinct_check" CHECK ("mentoring_pairings"."mentee_id" <> "mentoring_pairings"."mentor_id"),
	CONSTRAINT "mentoring_pairings_dates_check" CHECK ("mentoring_pairings"."ends_at" > "mentoring_pairings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "mentoring_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"message" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"pairing_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_requests_state_check" CHECK ("mentoring_requests"."state" in ('open', 'paired', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "mentoring_messages" ADD CONSTRAINT "mentoring_messages_pairing_id_mentoring_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."mentoring_pairings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_messages" ADD CONSTRAINT "mentoring_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairings" ADD CONSTRAINT "mentoring_pairings_mentee_id_organisations_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairings" ADD CONSTRAINT "mentoring_pairings_mentor_id_organisations_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairings" ADD CONSTRAINT "mentoring_pairings_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairings" ADD CONSTRAINT "mentoring_pairings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_requests" ADD CONSTRAINT "mentoring_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_requests" ADD CONSTRAINT "mentoring_requests_pairing_id_mentoring_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."mentoring_pairings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_requests" ADD CONSTRAINT "mentoring_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentoring_messages_pairing_idx" ON "mentoring_messages" USING btree ("pairing_id","created_at");--> statement-breakpoint
CREATE INDEX "mentoring_pairings_mentee_idx" ON "mentoring_pairings" USING btree ("mentee_id");--> statement-breakpoint
CREATE INDEX "mentoring_pairings_mentor_idx" ON "mentoring_pairings" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "mentoring_requests_org_idx" ON "mentoring_requests" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_requests_one_open_key" ON "mentoring_requests" USING btree ("organisation_id") WHERE "mentoring_requests"."state" = 'open';