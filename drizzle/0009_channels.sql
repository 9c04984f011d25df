CREATE TABLE "inbound_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"delivery_id" text NOT NULL,
	"external_id" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"reply" jsonb,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "inbound_updates_channel_delivery_unique" UNIQUE("channel","delivery_id"),
	CONSTRAINT "inbound_updates_channel_check" CHECK ("inbound_updates"."channel" in ('web', 'telegram', 'sms')),
	CONSTRAINT "inbound_updates_status_check" CHECK ("inbound_updates"."status" in ('pending', 'processing', 'replied', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "link_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "turn_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "turn_events_outcome_check" CHECK ("turn_events"."outcome" in ('allowed', 'noticed', 'silenced'))
);
--> statement-breakpoint
ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_inbound_updates_claim" ON "inbound_updates" USING btree ("status","available_at");--> statement-breakpoint
CREATE INDEX "idx_inbound_updates_sender" ON "inbound_updates" USING btree ("channel","external_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_link_codes_user" ON "link_codes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_turn_events_subject" ON "turn_events" USING btree ("subject","created_at");--> statement-breakpoint
-- inbound_updates, link_codes and turn_events are the system's: they are read before anyone is known (a
-- webhook, a link code typed in a chat, a turn's rate limit). As for login_attempts (drizzle/0006): row-level
-- security on, no policy and no grant, so app_user sees nothing.
ALTER TABLE inbound_updates ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE link_codes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE turn_events ENABLE ROW LEVEL SECURITY;
