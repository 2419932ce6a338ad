CREATE TABLE "api_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"secret_prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "earners" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"passport_slug" text NOT NULL,
	"passport_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_badges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"earner_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"assertion_key" text NOT NULL,
	"issuer_iri" text,
	"partner_org_id" uuid,
	"badge_class_iri" text,
	"registration_id" uuid,
	"name" text,
	"issued_on" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"counts" boolean DEFAULT false NOT NULL,
	"refusal_code" text,
	"refusal_reason" text,
	"report" jsonb,
	"document" jsonb,
	"api_client_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_badges_channel_check" CHECK ("partner_badges"."channel" in ('blason', 'api', 'upload')),
	CONSTRAINT "partner_badges_counts_check" CHECK ("partner_badges"."counts" = ("partner_badges"."refusal_code" is null))
);
--> statement-breakpoint
CREATE TABLE "partner_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"badge_class_iri" text NOT NULL,
	"blason_badge_class_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"image" text,
	"document" jsonb,
	"target" jsonb NOT NULL,
	"justification" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"proposal" jsonb,
	"approved_at" timestamp with time zone,
	"decided_by" uuid,
	"motivation" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_registrations_source_check" CHECK ("partner_registrations"."source" in ('url', 'json', 'blason')),
	CONSTRAINT "partner_registrations_state_check" CHECK ("partner_registrations"."state" in ('submitted', 'requalification_proposed', 'approved', 'refused', 'withdrawn')),
	CONSTRAINT "partner_registrations_approved_check" CHECK (("partner_registrations"."state" = 'approved') = ("partner_registrations"."approved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "registration_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_messages_role_check" CHECK ("registration_messages"."author_role" in ('partner', 'manager'))
);
--> statement-breakpoint
ALTER TABLE "badge_classes" ADD COLUMN "rule" jsonb;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "subject_user_id" uuid;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "owner_org_id" uuid;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earners" ADD CONSTRAINT "earners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_badges" ADD CONSTRAINT "partner_badges_earner_id_earners_user_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_badges" ADD CONSTRAINT "partner_badges_partner_org_id_organisations_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_badges" ADD CONSTRAINT "partner_badges_registration_id_partner_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."partner_registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_badges" ADD CONSTRAINT "partner_badges_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_registrations" ADD CONSTRAINT "partner_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_registrations" ADD CONSTRAINT "partner_registrations_blason_badge_class_id_badge_classes_id_fk" FOREIGN KEY ("blason_badge_class_id") REFERENCES "public"."badge_classes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_registrations" ADD CONSTRAINT "partner_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_registrations" ADD CONSTRAINT "partner_registrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_messages" ADD CONSTRAINT "registration_messages_registration_id_partner_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."partner_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_messages" ADD CONSTRAINT "registration_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_clients_secret_key" ON "api_clients" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "api_clients_org_idx" ON "api_clients" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "earners_passport_slug_key" ON "earners" USING btree ("passport_slug");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_badges_earner_assertion_key" ON "partner_badges" USING btree ("earner_id","assertion_key");--> statement-breakpoint
CREATE INDEX "partner_badges_registration_idx" ON "partner_badges" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "partner_registrations_org_idx" ON "partner_registrations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "partner_registrations_iri_idx" ON "partner_registrations" USING btree ("badge_class_iri");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_registrations_live_key" ON "partner_registrations" USING btree ("organisation_id","badge_class_iri") WHERE "partner_registrations"."state" in ('submitted', 'requalification_proposed', 'approved');--> statement-breakpoint
CREATE INDEX "registration_messages_reg_idx" ON "registration_messages" USING btree ("registration_id","created_at");--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credentials_subject_user_idx" ON "credentials" USING btree ("subject_user_id");