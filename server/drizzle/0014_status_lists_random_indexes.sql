CREATE TABLE "status_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"issuer_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"number" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_lists_purpose_check" CHECK ("status_lists"."purpose" in ('revocation', 'suspension', 'message'))
);
--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "status_list" text;--> statement-breakpoint
-- Positions are now unique within a list, no longer per issuer.
DROP INDEX "credentials_issuer_status_index";--> statement-breakpoint
-- Credentials already issued keep their entries: their list and position are
-- read from the signed document itself (the index counted per issuer before).
UPDATE "credentials" AS c SET
	"status_list" = coalesce(
		substring(c."document"->'credentialStatus'->>'statusListCredential' from '/status/([^/?#]+)$'),
		o."slug" || '-' || (c."status_index" / 131072 + 1)
	),
	"status_index" = coalesce(
		(c."document"->'credentialStatus'->>'statusListIndex')::integer,
		c."status_index" % 131072
	)
FROM "organisations" AS o
WHERE o."id" = c."issuer_id";--> statement-breakpoint
INSERT INTO "status_lists" ("id", "issuer_id", "purpose", "number", "used")
SELECT
	"status_list",
	"issuer_id",
	CASE WHEN "status_list" LIKE '%-suspension' THEN 'suspension' ELSE 'revocation' END,
	substring("status_list" from '-([0-9]+)(?:-suspension)?$')::integer,
	count(*)
FROM "credentials"
GROUP BY "status_list", "issuer_id";--> statement-breakpoint
ALTER TABLE "credentials" ALTER COLUMN "status_list" SET NOT NULL;--> statement-breakpoint
DROP TABLE "status_counters" CASCADE;--> statement-breakpoint
ALTER TABLE "status_lists" ADD CONSTRAINT "status_lists_issuer_id_organisations_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "status_lists_issuer_purpose_number" ON "status_lists" USING btree ("issuer_id","purpose","number");--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_status_list_status_lists_id_fk" FOREIGN KEY ("status_list") REFERENCES "public"."status_lists"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_status_list_index" ON "credentials" USING btree ("status_list","status_index");
