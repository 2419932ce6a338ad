CREATE TABLE "application_badges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"holder_name" text NOT NULL,
	"source" text NOT NULL,
	"input" text NOT NULL,
	"verified" boolean NOT NULL,
	"badge_name" text,
	"issuer_name" text,
	"problems" jsonb NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" uuid,
	CONSTRAINT "application_badges_source_check" CHECK ("application_badges"."source" in ('url', 'text', 'image'))
);
--> statement-breakpoint
ALTER TABLE "application_badges" ADD CONSTRAINT "application_badges_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_badges" ADD CONSTRAINT "application_badges_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_badges_app_idx" ON "application_badges" USING btree ("application_id");