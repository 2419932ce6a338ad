CREATE TABLE "partner_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text DEFAULT 'participant' NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_participations_kind_check" CHECK ("partner_participations"."kind" in ('participant', 'ambassador'))
);
--> statement-breakpoint
ALTER TABLE "partner_registrations" ADD COLUMN "issuer_iri" text;--> statement-breakpoint
ALTER TABLE "partner_participations" ADD CONSTRAINT "partner_participations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_participations" ADD CONSTRAINT "partner_participations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_participations_org_idx" ON "partner_participations" USING btree ("organisation_id");