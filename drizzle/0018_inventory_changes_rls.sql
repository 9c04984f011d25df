-- Row-level security for the device changes log (drizzle/0017), in the manner of drizzle/0016: a user records
-- and reads back their own offline inventory changes as app_user; nobody sees another account's changes.
GRANT SELECT, INSERT, UPDATE ON inventory_changes TO app_user;
--> statement-breakpoint
ALTER TABLE inventory_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY inventory_changes_owner ON inventory_changes FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
