CREATE TABLE "wallet_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credential_id" uuid NOT NULL,
	"created_by" uuid,
	"protocol" text NOT NULL,
	"state" text DEFAULT 'offered' NOT NULL,
	"code_hash" text NOT NULL,
	"tx_code_hash" text,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"access_token_hash" text,
	"token_expires_at" timestamp with time zone,
	"challenge" text,
	"holder_did" text,
	"expires_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallet_offers_state_check" CHECK ("wallet_offers"."state" in ('offered', 'token_issued', 'delivered', 'burnt')),
	CONSTRAINT "wallet_offers_protocol_check" CHECK ("wallet_offers"."protocol" in ('oid4vci', 'vc-api'))
);
--> statement-breakpoint
ALTER TABLE "wallet_offers" ADD CONSTRAINT "wallet_offers_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_offers" ADD CONSTRAINT "wallet_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_offers_code_idx" ON "wallet_offers" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_offers_token_idx" ON "wallet_offers" USING btree ("access_token_hash");--> statement-breakpoint
CREATE INDEX "wallet_offers_credential_idx" ON "wallet_offers" USING btree ("credential_id");