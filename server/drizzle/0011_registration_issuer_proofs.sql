-- A registration proves that the partner controls its issuer. Rows from
-- before have no proof: they count for nothing (no mapping, no say over the
-- issuer's badges) and no longer block a new registration with a proof.
DROP INDEX "partner_registrations_live_key";--> statement-breakpoint
ALTER TABLE "partner_registrations" ADD COLUMN "issuer_proof" jsonb;--> statement-breakpoint
CREATE INDEX "partner_registrations_issuer_idx" ON "partner_registrations" USING btree ("issuer_iri");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_registrations_live_key" ON "partner_registrations" USING btree ("organisation_id","badge_class_iri") WHERE "partner_registrations"."state" in ('submitted', 'requalification_proposed', 'approved') and "partner_registrations"."issuer_proof" is not null;