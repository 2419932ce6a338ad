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
