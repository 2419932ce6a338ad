ALTER TABLE "award_batches" ADD COLUMN "lines" integer;--> statement-breakpoint
ALTER TABLE "award_batches" ADD COLUMN "already_held" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Batches written before: an award that already existed was listed among the problems; count it apart.
UPDATE "award_batches" SET
  "already_held" = (SELECT count(*) FROM jsonb_array_elements("problems") p WHERE p->>'reason' = 'Badge déjà délivré à cette personne.'),
  "problems" = coalesce((SELECT jsonb_agg(p) FROM jsonb_array_elements("problems") p WHERE p->>'reason' <> 'Badge déjà délivré à cette personne.'), '[]'::jsonb);--> statement-breakpoint
-- The lines of the file: the rows to award, and the lines refused at the checks (the problems the job did not add).
UPDATE "award_batches" SET "lines" = "total" + jsonb_array_length("problems") - ("processed" - "issued" - "already_held");--> statement-breakpoint
ALTER TABLE "award_batches" ALTER COLUMN "lines" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "award_batches" ADD CONSTRAINT "award_batches_counts_check" CHECK ("award_batches"."issued" + "award_batches"."already_held" <= "award_batches"."processed" and "award_batches"."total" <= "award_batches"."lines");
--> statement-breakpoint
CREATE TABLE "audit_checkpoint" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"count" bigint NOT NULL,
	"head" text NOT NULL,
	"keyed_from" bigint NOT NULL,
	"signature" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_checkpoint_single_row" CHECK ("audit_checkpoint"."id" = 1)
);
--> statement-breakpoint
-- The checkpoint moves forward with every audit row, and is never removed.
CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
