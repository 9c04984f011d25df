-- The application runs every user query as app_user inside a transaction that sets app.user_id
-- (src/db/with-user.ts); these policies compare each row to that setting. An unset user sees nothing.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN;
  END IF;
END $$;
--> statement-breakpoint
GRANT app_user TO CURRENT_USER;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_user;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_current_user_id() TO app_user;
--> statement-breakpoint
GRANT SELECT ON categories, suppliers, master_items, specific_products, product_offers, bundles, bundle_items,
  bundle_recommendations, skills_resources, expert_calls, guidance_documents, guidance_chunks TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON users, profiles, mission_reports, saved_scenarios, inventory_items,
  call_attendance, user_activity_log, billing_transactions, orders, order_items, shipments, shipment_items,
  external_transactions TO app_user;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_self ON users FOR ALL TO app_user
  USING (id = app_current_user_id()) WITH CHECK (id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY profiles_self ON profiles FOR ALL TO app_user
  USING (id = app_current_user_id()) WITH CHECK (id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE mission_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mission_reports_owner ON mission_reports FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE saved_scenarios ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY saved_scenarios_owner ON saved_scenarios FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE inventory_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY inventory_items_owner ON inventory_items FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE call_attendance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY call_attendance_owner ON call_attendance FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE user_activity_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_activity_log_owner ON user_activity_log FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE billing_transactions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY billing_transactions_owner ON billing_transactions FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE external_transactions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY external_transactions_owner ON external_transactions FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY orders_owner ON orders FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE order_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY order_items_owner ON order_items FOR ALL TO app_user
  USING (EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id AND o.user_id = app_current_user_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id AND o.user_id = app_current_user_id()));
--> statement-breakpoint
ALTER TABLE shipments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shipments_owner ON shipments FOR ALL TO app_user
  USING (EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id AND o.user_id = app_current_user_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id AND o.user_id = app_current_user_id()));
--> statement-breakpoint
ALTER TABLE shipment_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shipment_items_owner ON shipment_items FOR ALL TO app_user
  USING (EXISTS (SELECT 1 FROM shipments s JOIN orders o ON o.id = s.order_id
                 WHERE s.id = shipment_id AND o.user_id = app_current_user_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM shipments s JOIN orders o ON o.id = s.order_id
                      WHERE s.id = shipment_id AND o.user_id = app_current_user_id()));
--> statement-breakpoint
-- saved_scenarios is a deprecated prototype table: old rows stay readable, new rows are refused.
CREATE OR REPLACE FUNCTION refuse_saved_scenarios_insert() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    RAISE EXCEPTION 'saved_scenarios is deprecated: save plans in mission_reports' USING ERRCODE = 'feature_not_supported';
  END $$;
--> statement-breakpoint
CREATE TRIGGER saved_scenarios_refuse_insert BEFORE INSERT ON saved_scenarios
  FOR EACH ROW EXECUTE FUNCTION refuse_saved_scenarios_insert();
