CREATE TABLE "badge_equivalences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_badge_id" uuid NOT NULL,
	"to_badge_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "badge_equivalences_distinct" CHECK ("badge_equivalences"."from_badge_id" <> "badge_equivalences"."to_badge_id")
);
--> statement-breakpoint
CREATE TABLE "badge_ideas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"state" text DEFAULT 'new' NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"badge_class_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "badge_ideas_state_check" CHECK ("badge_ideas"."state" in ('new', 'answered', 'adopted', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "label_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"kind" text DEFAULT 'first' NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"check" jsonb NOT NULL,
	"requested_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"motivation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "label_requests_kind_check" CHECK ("label_requests"."kind" in ('first', 'renewal')),
	CONSTRAINT "label_requests_state_check" CHECK ("label_requests"."state" in ('pending', 'confirmed', 'refused', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "badge_classes" ADD COLUMN "kind" text DEFAULT 'badge' NOT NULL;--> statement-breakpoint
ALTER TABLE "collections" ADD COLUMN "label_validity_months" integer DEFAULT 48 NOT NULL;--> statement-breakpoint
ALTER TABLE "collections" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "collections" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "badge_equivalences" ADD CONSTRAINT "badge_equivalences_from_badge_id_badge_classes_id_fk" FOREIGN KEY ("from_badge_id") REFERENCES "public"."badge_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_equivalences" ADD CONSTRAINT "badge_equivalences_to_badge_id_badge_classes_id_fk" FOREIGN KEY ("to_badge_id") REFERENCES "public"."badge_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_equivalences" ADD CONSTRAINT "badge_equivalences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_ideas" ADD CONSTRAINT "badge_ideas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_ideas" ADD CONSTRAINT "badge_ideas_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_ideas" ADD CONSTRAINT "badge_ideas_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_ideas" ADD CONSTRAINT "badge_ideas_badge_class_id_badge_classes_id_fk" FOREIGN KEY ("badge_class_id") REFERENCES "public"."badge_classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_requests" ADD CONSTRAINT "label_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_requests" ADD CONSTRAINT "label_requests_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_requests" ADD CONSTRAINT "label_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_requests" ADD CONSTRAINT "label_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "badge_equivalences_from_key" ON "badge_equivalences" USING btree ("from_badge_id");--> statement-breakpoint
CREATE INDEX "badge_equivalences_to_idx" ON "badge_equivalences" USING btree ("to_badge_id");--> statement-breakpoint
CREATE INDEX "badge_ideas_org_idx" ON "badge_ideas" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "label_requests_org_idx" ON "label_requests" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "label_requests_one_pending_key" ON "label_requests" USING btree ("organisation_id") WHERE "label_requests"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "badge_classes_one_label_key" ON "badge_classes" USING btree ("collection_id") WHERE "badge_classes"."kind" = 'label';--> statement-breakpoint
CREATE UNIQUE INDEX "collections_one_in_force_key" ON "collections" USING btree ("programme_id") WHERE "collections"."in_force";--> statement-breakpoint
CREATE UNIQUE INDEX "collections_one_draft_key" ON "collections" USING btree ("programme_id") WHERE "collections"."status" = 'draft';--> statement-breakpoint
ALTER TABLE "badge_classes" ADD CONSTRAINT "badge_classes_kind_check" CHECK ("badge_classes"."kind" in ('badge', 'label'));--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_label_validity_check" CHECK ("collections"."label_validity_months" between 1 and 120);--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_status_check" CHECK ("collections"."status" in ('draft', 'published'));--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_draft_not_in_force" CHECK (not ("collections"."in_force" and "collections"."status" = 'draft'));--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_suspension_check" CHECK (("credentials"."suspended_at" is null) = ("credentials"."suspension_reason" is null));--> statement-breakpoint
UPDATE "collections" SET "published_at" = "created_at" WHERE "status" = 'published' AND "published_at" IS NULL;
