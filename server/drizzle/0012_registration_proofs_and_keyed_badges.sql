-- A registration proves that the partner controls its issuer. Rows from
-- before have no proof: they count for nothing (no mapping, no say over the
-- issuer's badges) and no longer block a new registration with a proof.
DROP INDEX "partner_registrations_live_key";--> statement-breakpoint
ALTER TABLE "partner_registrations" ADD COLUMN "issuer_proof" jsonb;--> statement-breakpoint
CREATE INDEX "partner_registrations_issuer_idx" ON "partner_registrations" USING btree ("issuer_iri");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_registrations_live_key" ON "partner_registrations" USING btree ("organisation_id","badge_class_iri") WHERE "partner_registrations"."state" in ('submitted', 'requalification_proposed', 'approved') and "partner_registrations"."issuer_proof" is not null;--> statement-breakpoint
-- A received partner badge is keyed by what was verified: its issuer and its
-- assertion's or credential's id. Rows of documents that did not verify lose
-- the issuer and the id they claimed (nothing proved them), so that no
-- unverified row ever shares a key with a verified badge.
DROP INDEX "partner_badges_earner_assertion_key";--> statement-breakpoint
UPDATE "partner_badges" SET "issuer_iri" = NULL, "assertion_key" = 'unverified:' || "id" WHERE "refusal_code" = 'NOT_VERIFIED';--> statement-breakpoint
ALTER TABLE "partner_badges" ADD CONSTRAINT "partner_badges_earner_issuer_assertion_key" UNIQUE NULLS NOT DISTINCT("earner_id","issuer_iri","assertion_key");
