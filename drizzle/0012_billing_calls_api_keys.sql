CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "api_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"api_key_id" uuid,
	"user_id" uuid,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"subject" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "billing_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"customer_id" text NOT NULL,
	"tier" text NOT NULL,
	"status" text NOT NULL,
	"price_id" text,
	"current_period_end" timestamp with time zone,
	"event_created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_attendance" ADD COLUMN "shared_context" jsonb;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_logs" ADD CONSTRAINT "api_logs_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_logs" ADD CONSTRAINT "api_logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_api_keys_user" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_api_logs_created" ON "api_logs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_api_logs_key" ON "api_logs" USING btree ("api_key_id");--> statement-breakpoint
CREATE INDEX "idx_security_alerts_created" ON "security_alerts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_billing_subscriptions_user" ON "billing_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_transactions_invoice_payment" ON "billing_transactions" USING btree ("stripe_invoice_id") WHERE "billing_transactions"."transaction_type" = 'SUBSCRIPTION_PAYMENT' and "billing_transactions"."stripe_invoice_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_transactions_charge_refund" ON "billing_transactions" USING btree ("stripe_charge_id") WHERE "billing_transactions"."transaction_type" = 'SUBSCRIPTION_REFUND' and "billing_transactions"."stripe_charge_id" is not null;;--> statement-breakpoint
-- API keys: the owner lists, names and revokes their own keys; the lookup by hash is the system's.
GRANT SELECT, INSERT ON api_keys TO app_user;
--> statement-breakpoint
GRANT UPDATE (name, revoked_at) ON api_keys TO app_user;
--> statement-breakpoint
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_keys_owner ON api_keys FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
-- api_logs, security_alerts, stripe_events and billing_subscriptions are the system's alone: no grants.
-- Billing rows are written by Stripe's webhooks (system role); a user reads their own, never writes them.
REVOKE INSERT, UPDATE, DELETE ON billing_transactions FROM app_user;
--> statement-breakpoint
-- Attendance is recorded by the system (who joined, for how long); the attendee may give feedback on
-- their own booking, and book or cancel it (insert, delete) under the owner policy of 0002.
REVOKE UPDATE ON call_attendance FROM app_user;
--> statement-breakpoint
GRANT UPDATE (rating, feedback_text) ON call_attendance TO app_user;
