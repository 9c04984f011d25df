-- Row-level security for the account tables (drizzle/0005), in the manner of drizzle/0002.
-- sessions are looked up by token hash before anyone is known (system role); a signed-in user may list
-- and end their own sessions as app_user. login_attempts belong to no user (most failed attempts name no
-- account) and stay with the system role: RLS on, no policy and no grant, so app_user sees nothing.
GRANT SELECT, DELETE ON sessions TO app_user;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sessions_owner ON sessions FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY;
