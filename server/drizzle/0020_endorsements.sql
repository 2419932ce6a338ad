CREATE TABLE "endorsements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target" text NOT NULL,
	"badge_class_id" uuid,
	"subject_org_id" uuid,
	"endorser_org_id" uuid,
	"external_issuer_id" text,
	"endorser_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"token_hash" text,
	"invited_by" uuid,
	"state" text DEFAULT 'invited' NOT NULL,
	"statement" text,
	"document" jsonb,
	"status_list" text,
	"status_index" integer,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "endorsements_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "endorsements_state_check" CHECK ("endorsements"."state" in ('invited', 'published', 'withdrawn')),
	CONSTRAINT "endorsements_target_check" CHECK ("endorsements"."target" in ('badge_class', 'issuer')),
	CONSTRAINT "endorsements_endorser_check" CHECK (("endorsements"."endorser_org_id" is null) <> ("endorsements"."external_issuer_id" is null))
);
--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_badge_class_id_badge_classes_id_fk" FOREIGN KEY ("badge_class_id") REFERENCES "public"."badge_classes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_subject_org_id_organisations_id_fk" FOREIGN KEY ("subject_org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_endorser_org_id_organisations_id_fk" FOREIGN KEY ("endorser_org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_status_list_status_lists_id_fk" FOREIGN KEY ("status_list") REFERENCES "public"."status_lists"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "endorsements_badge_idx" ON "endorsements" USING btree ("badge_class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "endorsements_status_position" ON "endorsements" USING btree ("status_list","status_index");