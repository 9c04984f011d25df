CREATE TABLE "external_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"specific_product_id" uuid,
	"clicked_at" timestamp with time zone DEFAULT now(),
	"source" text,
	"bundle_id" uuid,
	"is_original_product" boolean DEFAULT true,
	"created_at" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "user_activity_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"activity_type" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb,
	"session_id" text,
	"ip_address" "inet",
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "billing_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"transaction_type" text NOT NULL,
	"stripe_invoice_id" text,
	"stripe_payment_intent_id" text,
	"stripe_subscription_id" text,
	"stripe_charge_id" text,
	"amount" numeric(12, 2) NOT NULL,
	"currency" text DEFAULT 'USD',
	"status" text NOT NULL,
	"description" text NOT NULL,
	"invoice_pdf_url" text,
	"metadata" jsonb DEFAULT '{}'::jsonb,
	"transaction_date" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "billing_transactions_type_check" CHECK ("billing_transactions"."transaction_type" in ('SUBSCRIPTION_PAYMENT', 'SUBSCRIPTION_REFUND', 'ORDER_PAYMENT', 'ORDER_REFUND', 'ONE_TIME_CALL')),
	CONSTRAINT "billing_transactions_status_check" CHECK ("billing_transactions"."status" in ('SUCCEEDED', 'FAILED', 'PENDING', 'REFUNDED', 'CANCELED'))
);
--> statement-breakpoint
CREATE TABLE "bundle_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bundle_id" uuid NOT NULL,
	"specific_product_id" uuid NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"is_optional" boolean DEFAULT false NOT NULL,
	CONSTRAINT "bundle_items_quantity_check" CHECK ("bundle_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "bundle_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bundle_id" uuid NOT NULL,
	"specific_product_id" uuid NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "bundles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"slug" text NOT NULL,
	"image_url" text,
	"total_estimated_price" numeric(12, 2),
	"scenarios" text[],
	"min_people" integer,
	"max_people" integer,
	"gender" text[],
	"age_groups" text[],
	"climates" text[],
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "bundles_slug_unique" UNIQUE("slug"),
	CONSTRAINT "bundles_people_check" CHECK ("bundles"."min_people" is null or "bundles"."max_people" is null or "bundles"."min_people" <= "bundles"."max_people")
);
--> statement-breakpoint
CREATE TABLE "call_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attended" boolean DEFAULT false,
	"joined_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"duration_minutes" integer,
	"rating" integer,
	"feedback_text" text,
	"admin_notes" text,
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "call_attendance_call_id_user_id_unique" UNIQUE("call_id","user_id"),
	CONSTRAINT "call_attendance_rating_check" CHECK ("call_attendance"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "expert_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_type" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"scheduled_date" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 60,
	"timezone" text DEFAULT 'America/New_York',
	"tier_required" text DEFAULT 'BASIC' NOT NULL,
	"max_attendees" integer,
	"expert_name" text,
	"expert_bio" text,
	"expert_photo_url" text,
	"expert_specialty" text,
	"zoom_link" text,
	"zoom_meeting_id" text,
	"zoom_password" text,
	"recording_url" text,
	"recording_available_date" timestamp with time zone,
	"status" text DEFAULT 'SCHEDULED',
	"admin_notes" text,
	"created_at" timestamp with time zone DEFAULT now(),
	"updated_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "expert_calls_type_check" CHECK ("expert_calls"."call_type" in ('FOUNDER_GROUP', 'EXPERT_GROUP', 'ONE_ON_ONE')),
	CONSTRAINT "expert_calls_tier_check" CHECK ("expert_calls"."tier_required" in ('FREE', 'BASIC', 'PRO')),
	CONSTRAINT "expert_calls_status_check" CHECK ("expert_calls"."status" in ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'))
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"specific_product_id" uuid NOT NULL,
	"quantity" integer DEFAULT 1,
	"unit_price" numeric(12, 2) NOT NULL,
	"supplier_status" text DEFAULT 'PENDING_ORDER',
	"bundle_id" uuid,
	"is_original_product" boolean DEFAULT true,
	"original_specific_product_id" uuid,
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "order_items_supplier_status_check" CHECK ("order_items"."supplier_status" in ('PENDING_ORDER', 'ORDERED', 'SHIPPED')),
	CONSTRAINT "order_items_quantity_check" CHECK ("order_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"stripe_session_id" text,
	"stripe_payment_intent_id" text,
	"subtotal_amount" numeric(12, 2),
	"shipping_cost" numeric(12, 2),
	"tax_amount" numeric(12, 2),
	"total_amount" numeric(12, 2),
	"currency" text DEFAULT 'USD',
	"status" text DEFAULT 'PENDING' NOT NULL,
	"shipping_address" jsonb,
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "orders_status_check" CHECK ("orders"."status" in ('PENDING', 'PAID', 'PROCESSING', 'SHIPPED', 'COMPLETED', 'CANCELLED'))
);
--> statement-breakpoint
CREATE TABLE "shipment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"order_item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "shipment_items_quantity_check" CHECK ("shipment_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"carrier" text,
	"tracking_number" text,
	"tracking_url" text,
	"shipped_at" timestamp with time zone,
	"estimated_delivery" timestamp with time zone,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "inventory_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"master_item_id" uuid,
	"specific_product_id" uuid,
	"name" text,
	"supply_key" text,
	"unit_amount" numeric,
	"quantity_owned" integer DEFAULT 0,
	"quantity_needed" integer DEFAULT 1,
	"status" text DEFAULT 'NEEDED' NOT NULL,
	"purchase_date" timestamp with time zone,
	"purchase_price" numeric,
	"purchase_url" text,
	"expiration_date" date,
	"mission_report_id" uuid,
	"bundle_id" uuid,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now(),
	"updated_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "inventory_items_status_check" CHECK ("inventory_items"."status" in ('OWNED', 'NEEDED', 'ORDERED', 'PARTIAL')),
	CONSTRAINT "inventory_items_quantities_check" CHECK ("inventory_items"."quantity_owned" >= 0 and "inventory_items"."quantity_needed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "guidance_chunks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"chunk_index" integer NOT NULL,
	"content" text NOT NULL,
	"embedding" vector(768),
	"embedding_model" text,
	CONSTRAINT "guidance_chunks_document_chunk_unique" UNIQUE("document_id","chunk_index")
);
--> statement-breakpoint
CREATE TABLE "guidance_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"source_url" text,
	"topics" text[],
	"scenarios" text[],
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "guidance_documents_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "mission_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"location" text,
	"scenarios" text[],
	"family_size" integer,
	"duration_days" integer,
	"mobility_type" text,
	"budget_amount" numeric(12, 2),
	"report_data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_reports_mobility_check" CHECK ("mission_reports"."mobility_type" in ('BUG_OUT', 'SHELTER_IN_PLACE')),
	CONSTRAINT "mission_reports_duration_check" CHECK ("mission_reports"."duration_days" is null or "mission_reports"."duration_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "saved_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"scenario_type" text,
	"location" text,
	"data" jsonb,
	"deprecated" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"slug" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "categories_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "master_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid,
	"name" text NOT NULL,
	"description" text,
	"supply_key" text,
	"embedding" vector(768),
	"embedding_model" text,
	"status" text DEFAULT 'active',
	"timeframes" text[],
	"demographics" text[],
	"locations" text[],
	"scenarios" text[],
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "master_items_name_unique" UNIQUE("name"),
	CONSTRAINT "master_items_status_check" CHECK ("master_items"."status" in ('active', 'pending_review'))
);
--> statement-breakpoint
CREATE TABLE "product_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"specific_product_id" uuid NOT NULL,
	"supplier_id" uuid,
	"price" numeric(12, 2) NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"offer_url" text,
	"in_stock" boolean DEFAULT true NOT NULL,
	"observed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_offers_price_check" CHECK ("product_offers"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "scraped_queue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asin" text,
	"url" text,
	"supplier_id" uuid,
	"master_item_id" uuid,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now(),
	"processed_at" timestamp with time zone,
	CONSTRAINT "scraped_queue_status_check" CHECK ("scraped_queue"."status" in ('PENDING', 'PROCESSING', 'DONE', 'FAILED')),
	CONSTRAINT "scraped_queue_target_check" CHECK ("scraped_queue"."asin" is not null or "scraped_queue"."url" is not null)
);
--> statement-breakpoint
CREATE TABLE "specific_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"master_item_id" uuid,
	"supplier_id" uuid,
	"name" text NOT NULL,
	"description" text,
	"price" numeric(12, 2),
	"sku" text,
	"asin" text,
	"image_url" text,
	"product_url" text,
	"type" text,
	"status" text DEFAULT 'pending',
	"metadata" jsonb DEFAULT '{}'::jsonb,
	"timeframes" text[],
	"demographics" text[],
	"locations" text[],
	"scenarios" text[],
	"variations" jsonb,
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "specific_products_sku_unique" UNIQUE("sku"),
	CONSTRAINT "specific_products_type_check" CHECK ("specific_products"."type" in ('AFFILIATE', 'DROP_SHIP')),
	CONSTRAINT "specific_products_status_check" CHECK ("specific_products"."status" in ('verified', 'pending')),
	CONSTRAINT "specific_products_price_check" CHECK ("specific_products"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact_info" jsonb,
	"fulfillment_type" text,
	"website_url" text,
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "suppliers_name_unique" UNIQUE("name"),
	CONSTRAINT "suppliers_fulfillment_type_check" CHECK ("suppliers"."fulfillment_type" in ('AFFILIATE', 'DROP_SHIP'))
);
--> statement-breakpoint
CREATE TABLE "skills_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"skill_name" text NOT NULL,
	"skill_id" text,
	"category" text NOT NULL,
	"resource_type" text NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"thumbnail_url" text,
	"author" text,
	"source" text,
	"duration_minutes" integer,
	"difficulty" text,
	"summary" text,
	"key_techniques" jsonb,
	"prerequisites" text[],
	"related_skills" text[],
	"scenarios" text[],
	"rating" numeric,
	"view_count" integer DEFAULT 0,
	"is_verified" boolean DEFAULT false,
	"is_featured" boolean DEFAULT false,
	"admin_notes" text,
	"created_at" timestamp with time zone DEFAULT now(),
	"updated_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "skills_resources_type_check" CHECK ("skills_resources"."resource_type" in ('VIDEO', 'ARTICLE', 'PDF', 'COURSE')),
	CONSTRAINT "skills_resources_difficulty_check" CHECK ("skills_resources"."difficulty" in ('BEGINNER', 'INTERMEDIATE', 'ADVANCED'))
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"role" text DEFAULT 'USER',
	"full_name" text,
	"email" text,
	"stripe_customer_id" text,
	"subscription_tier" text DEFAULT 'FREE',
	"subscription_status" text DEFAULT 'active',
	"subscription_period_end" timestamp with time zone,
	"household" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	"updated_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "profiles_subscription_tier_check" CHECK ("profiles"."subscription_tier" in ('FREE', 'BASIC', 'PRO')),
	CONSTRAINT "profiles_subscription_status_check" CHECK ("profiles"."subscription_status" in ('active', 'canceled', 'past_due', 'trialing'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "external_transactions" ADD CONSTRAINT "external_transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_transactions" ADD CONSTRAINT "external_transactions_specific_product_id_specific_products_id_fk" FOREIGN KEY ("specific_product_id") REFERENCES "public"."specific_products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_transactions" ADD CONSTRAINT "external_transactions_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_activity_log" ADD CONSTRAINT "user_activity_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_transactions" ADD CONSTRAINT "billing_transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_items" ADD CONSTRAINT "bundle_items_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_items" ADD CONSTRAINT "bundle_items_specific_product_id_specific_products_id_fk" FOREIGN KEY ("specific_product_id") REFERENCES "public"."specific_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_recommendations" ADD CONSTRAINT "bundle_recommendations_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_recommendations" ADD CONSTRAINT "bundle_recommendations_specific_product_id_specific_products_id_fk" FOREIGN KEY ("specific_product_id") REFERENCES "public"."specific_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_attendance" ADD CONSTRAINT "call_attendance_call_id_expert_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."expert_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_attendance" ADD CONSTRAINT "call_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_specific_product_id_specific_products_id_fk" FOREIGN KEY ("specific_product_id") REFERENCES "public"."specific_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_original_specific_product_id_specific_products_id_fk" FOREIGN KEY ("original_specific_product_id") REFERENCES "public"."specific_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_items" ADD CONSTRAINT "shipment_items_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_items" ADD CONSTRAINT "shipment_items_order_item_id_order_items_id_fk" FOREIGN KEY ("order_item_id") REFERENCES "public"."order_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_master_item_id_master_items_id_fk" FOREIGN KEY ("master_item_id") REFERENCES "public"."master_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_specific_product_id_specific_products_id_fk" FOREIGN KEY ("specific_product_id") REFERENCES "public"."specific_products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_mission_report_id_mission_reports_id_fk" FOREIGN KEY ("mission_report_id") REFERENCES "public"."mission_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_chunks" ADD CONSTRAINT "guidance_chunks_document_id_guidance_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."guidance_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_reports" ADD CONSTRAINT "mission_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_scenarios" ADD CONSTRAINT "saved_scenarios_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_items" ADD CONSTRAINT "master_items_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_offers" ADD CONSTRAINT "product_offers_specific_product_id_specific_products_id_fk" FOREIGN KEY ("specific_product_id") REFERENCES "public"."specific_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_offers" ADD CONSTRAINT "product_offers_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD CONSTRAINT "scraped_queue_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD CONSTRAINT "scraped_queue_master_item_id_master_items_id_fk" FOREIGN KEY ("master_item_id") REFERENCES "public"."master_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specific_products" ADD CONSTRAINT "specific_products_master_item_id_master_items_id_fk" FOREIGN KEY ("master_item_id") REFERENCES "public"."master_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specific_products" ADD CONSTRAINT "specific_products_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_id_users_id_fk" FOREIGN KEY ("id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_external_trans_user" ON "external_transactions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_external_trans_bundle" ON "external_transactions" USING btree ("bundle_id");--> statement-breakpoint
CREATE INDEX "idx_external_trans_date" ON "external_transactions" USING btree ("clicked_at");--> statement-breakpoint
CREATE INDEX "idx_external_trans_user_date" ON "external_transactions" USING btree ("user_id","clicked_at");--> statement-breakpoint
CREATE INDEX "idx_activity_by_user" ON "user_activity_log" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_activity_by_type" ON "user_activity_log" USING btree ("activity_type");--> statement-breakpoint
CREATE INDEX "idx_activity_by_date" ON "user_activity_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_activity_metadata" ON "user_activity_log" USING gin ("metadata");--> statement-breakpoint
CREATE INDEX "idx_billing_by_user" ON "billing_transactions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_billing_by_date" ON "billing_transactions" USING btree ("transaction_date");--> statement-breakpoint
CREATE INDEX "idx_billing_by_type" ON "billing_transactions" USING btree ("transaction_type");--> statement-breakpoint
CREATE INDEX "idx_billing_by_stripe_invoice" ON "billing_transactions" USING btree ("stripe_invoice_id");--> statement-breakpoint
CREATE INDEX "idx_bundle_items_bundle" ON "bundle_items" USING btree ("bundle_id");--> statement-breakpoint
CREATE INDEX "idx_bundle_recommendations_bundle" ON "bundle_recommendations" USING btree ("bundle_id");--> statement-breakpoint
CREATE INDEX "idx_bundles_scenarios" ON "bundles" USING gin ("scenarios");--> statement-breakpoint
CREATE INDEX "idx_attendance_by_call" ON "call_attendance" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "idx_attendance_by_user" ON "call_attendance" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_attendance_attended" ON "call_attendance" USING btree ("attended") WHERE "call_attendance"."attended" = true;--> statement-breakpoint
CREATE INDEX "idx_calls_by_date" ON "expert_calls" USING btree ("scheduled_date");--> statement-breakpoint
CREATE INDEX "idx_calls_by_type" ON "expert_calls" USING btree ("call_type");--> statement-breakpoint
CREATE INDEX "idx_calls_by_status" ON "expert_calls" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_order_items_order" ON "order_items" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "idx_order_items_bundle" ON "order_items" USING btree ("bundle_id");--> statement-breakpoint
CREATE INDEX "idx_order_items_substitution" ON "order_items" USING btree ("is_original_product") WHERE "order_items"."is_original_product" = false;--> statement-breakpoint
CREATE INDEX "idx_orders_user" ON "orders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_orders_stripe_session" ON "orders" USING btree ("stripe_session_id");--> statement-breakpoint
CREATE INDEX "idx_shipment_items_shipment" ON "shipment_items" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "idx_shipments_order" ON "shipments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "idx_inventory_user" ON "inventory_items" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_inventory_status" ON "inventory_items" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "idx_inventory_expiration" ON "inventory_items" USING btree ("user_id","expiration_date") WHERE "inventory_items"."expiration_date" is not null;--> statement-breakpoint
CREATE INDEX "idx_guidance_chunks_embedding" ON "guidance_chunks" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "idx_mission_reports_user" ON "mission_reports" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "idx_mission_reports_scenarios" ON "mission_reports" USING gin ("scenarios");--> statement-breakpoint
CREATE INDEX "idx_categories_parent" ON "categories" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "idx_master_items_category" ON "master_items" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "idx_master_items_embedding" ON "master_items" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "idx_master_items_scenarios" ON "master_items" USING gin ("scenarios");--> statement-breakpoint
CREATE INDEX "idx_product_offers_product" ON "product_offers" USING btree ("specific_product_id","observed_at");--> statement-breakpoint
CREATE INDEX "idx_scraped_queue_pending" ON "scraped_queue" USING btree ("created_at") WHERE "scraped_queue"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "idx_specific_products_master" ON "specific_products" USING btree ("master_item_id");--> statement-breakpoint
CREATE INDEX "idx_specific_products_supplier" ON "specific_products" USING btree ("supplier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idx_specific_products_asin" ON "specific_products" USING btree ("asin");--> statement-breakpoint
CREATE INDEX "idx_specific_products_metadata" ON "specific_products" USING gin ("metadata");--> statement-breakpoint
CREATE INDEX "idx_skills_by_name" ON "skills_resources" USING btree ("skill_name");--> statement-breakpoint
CREATE INDEX "idx_skills_by_category" ON "skills_resources" USING btree ("category");--> statement-breakpoint
CREATE INDEX "idx_skills_by_scenario" ON "skills_resources" USING gin ("scenarios");--> statement-breakpoint
CREATE INDEX "idx_skills_verified" ON "skills_resources" USING btree ("is_verified") WHERE "skills_resources"."is_verified" = true;--> statement-breakpoint
CREATE INDEX "idx_skills_by_skill_id" ON "skills_resources" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "idx_profiles_subscription_tier" ON "profiles" USING btree ("subscription_tier");--> statement-breakpoint
CREATE INDEX "idx_profiles_stripe_customer" ON "profiles" USING btree ("stripe_customer_id");