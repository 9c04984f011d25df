CREATE TABLE "communication_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outbox_id" uuid NOT NULL,
	"channel" text,
	"status" text NOT NULL,
	"error" text,
	"provider_message_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communication_log_status_check" CHECK ("communication_log"."status" in ('queued', 'sent', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "communication_preferences" (
	"user_id" uuid NOT NULL,
	"message_type" text NOT NULL,
	"channel" text,
	"local_hour" smallint DEFAULT 9 NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"window_days" integer DEFAULT 30 NOT NULL,
	"frequency" text DEFAULT 'weekly' NOT NULL,
	"opted_out" boolean DEFAULT false NOT NULL,
	"quiet_start" time DEFAULT '21:00' NOT NULL,
	"quiet_end" time DEFAULT '08:00' NOT NULL,
	"snoozed_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communication_preferences_user_id_message_type_pk" PRIMARY KEY("user_id","message_type"),
	CONSTRAINT "communication_preferences_type_check" CHECK ("communication_preferences"."message_type" in ('check_in', 'call_reminder', 'product_news')),
	CONSTRAINT "communication_preferences_channel_check" CHECK ("communication_preferences"."channel" in ('telegram', 'sms', 'email')),
	CONSTRAINT "communication_preferences_hour_check" CHECK ("communication_preferences"."local_hour" between 0 and 23),
	CONSTRAINT "communication_preferences_window_check" CHECK ("communication_preferences"."window_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "communication_templates" (
	"message_type" text NOT NULL,
	"channel" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communication_templates_message_type_channel_pk" PRIMARY KEY("message_type","channel"),
	CONSTRAINT "communication_templates_type_check" CHECK ("communication_templates"."message_type" in ('check_in', 'call_reminder', 'product_news')),
	CONSTRAINT "communication_templates_channel_check" CHECK ("communication_templates"."channel" in ('telegram', 'sms', 'email'))
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"channel" text,
	"idempotency_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"provider_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "outbox_status_check" CHECK ("outbox"."status" in ('queued', 'sending', 'sent', 'failed')),
	CONSTRAINT "outbox_type_check" CHECK ("outbox"."type" in ('check_in', 'call_reminder', 'product_news')),
	CONSTRAINT "outbox_channel_check" CHECK ("outbox"."channel" in ('telegram', 'sms', 'email'))
);
--> statement-breakpoint
ALTER TABLE "communication_log" ADD CONSTRAINT "communication_log_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_preferences" ADD CONSTRAINT "communication_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communication_templates" ADD CONSTRAINT "communication_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_communication_log_outbox" ON "communication_log" USING btree ("outbox_id","at");--> statement-breakpoint
CREATE INDEX "idx_communication_log_provider" ON "communication_log" USING btree ("provider_message_id");--> statement-breakpoint
CREATE INDEX "idx_outbox_due" ON "outbox" USING btree ("status","next_attempt_at");