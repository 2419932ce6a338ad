-- A received partner badge is keyed by what was verified: its issuer and its
-- assertion's or credential's id. Rows of documents that did not verify lose
-- the issuer and the id they claimed (nothing proved them), so that no
-- unverified row ever shares a key with a verified badge.
DROP INDEX "partner_badges_earner_assertion_key";--> statement-breakpoint
UPDATE "partner_badges" SET "issuer_iri" = NULL, "assertion_key" = 'unverified:' || "id" WHERE "refusal_code" = 'NOT_VERIFIED';--> statement-breakpoint
ALTER TABLE "partner_badges" ADD CONSTRAINT "partner_badges_earner_issuer_assertion_key" UNIQUE NULLS NOT DISTINCT("earner_id","issuer_iri","assertion_key");
