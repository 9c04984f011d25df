CREATE TABLE "sms_deliveries" (
	"message_sid" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"status_rank" smallint NOT NULL,
	"error_code" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_deliveries_status_check" CHECK ("sms_deliveries"."status" in ('accepted', 'scheduled', 'canceled', 'queued', 'sending', 'sent', 'failed', 'delivered', 'undelivered', 'receiving', 'received', 'read'))
);
--> statement-breakpoint
-- Written by the SMS sender and Twilio's status callbacks, read by operators: the system's, like
-- inbound_updates (drizzle/0009). Row-level security on, no policy and no grant, so app_user sees nothing.
ALTER TABLE sms_deliveries ENABLE ROW LEVEL SECURITY;
