-- Issue 17: catalog operations. Feeds land in scraped_queue (one row per seller's listing, found again by
-- listing_key), their price history in product_offers (a listing's history kept before it is matched to a
-- product, through listing_id), and products gain a GTIN, a fit status and retirement.
ALTER TABLE "specific_products" ADD COLUMN "gtin" text;--> statement-breakpoint
ALTER TABLE "specific_products" ADD COLUMN "fit_status" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "specific_products" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "specific_products" ADD COLUMN "retired_reason" text;--> statement-breakpoint
ALTER TABLE "specific_products" ADD CONSTRAINT "specific_products_fit_status_check" CHECK ("specific_products"."fit_status" in ('confirmed', 'proposed'));--> statement-breakpoint
CREATE INDEX "idx_specific_products_gtin" ON "specific_products" USING btree ("gtin");--> statement-breakpoint
ALTER TABLE "scraped_queue" DROP CONSTRAINT "scraped_queue_target_check";--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "listing_key" text;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "row_hash" text;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "feed" text;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "seller" text;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "brand" text;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "gtin" text;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "review" text DEFAULT 'waiting' NOT NULL;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "candidates" jsonb;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "proposed_fit" jsonb;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "near_duplicate_of" uuid REFERENCES "specific_products"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "specific_product_id" uuid REFERENCES "specific_products"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD CONSTRAINT "scraped_queue_target_check" CHECK ("scraped_queue"."asin" is not null or "scraped_queue"."url" is not null or "scraped_queue"."listing_key" is not null);--> statement-breakpoint
ALTER TABLE "scraped_queue" ADD CONSTRAINT "scraped_queue_review_check" CHECK ("scraped_queue"."review" in ('waiting', 'merged', 'accepted', 'created', 'rejected'));--> statement-breakpoint
CREATE UNIQUE INDEX "idx_scraped_queue_listing" ON "scraped_queue" USING btree ("listing_key");--> statement-breakpoint
CREATE INDEX "idx_scraped_queue_review" ON "scraped_queue" USING btree ("review","created_at");--> statement-breakpoint
ALTER TABLE "product_offers" ALTER COLUMN "specific_product_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "product_offers" ADD COLUMN "listing_id" uuid REFERENCES "scraped_queue"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "product_offers" ADD COLUMN "seller" text;--> statement-breakpoint
ALTER TABLE "product_offers" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "product_offers" SET "last_seen_at" = "observed_at";--> statement-breakpoint
ALTER TABLE "product_offers" ADD CONSTRAINT "product_offers_owner_check" CHECK ("product_offers"."specific_product_id" is not null or "product_offers"."listing_id" is not null);--> statement-breakpoint
CREATE INDEX "idx_product_offers_listing" ON "product_offers" USING btree ("listing_id","observed_at");
