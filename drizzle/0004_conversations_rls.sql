-- Row-level security for the conversation tables (drizzle/0003), in the manner of drizzle/0002.
-- A signed-in user's rows match app.user_id. An anonymous session's rows (user_id null) match the
-- unguessable key its channel keeps, set per transaction as app.anonymous_key
-- (src/services/conversations/actor.ts). channel_identities is looked up before anyone is known and
-- stays with the system role: app_user gets no grant on it.
CREATE OR REPLACE FUNCTION app_current_anonymous_key() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.anonymous_key', true), '') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_current_anonymous_key() TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON conversations, messages, ai_runs TO app_user;
--> statement-breakpoint
ALTER TABLE conversations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY conversations_owner ON conversations FOR ALL TO app_user
  USING (user_id = app_current_user_id()
         OR (user_id IS NULL AND anonymous_key = app_current_anonymous_key()))
  WITH CHECK (user_id = app_current_user_id()
              OR (user_id IS NULL AND anonymous_key = app_current_anonymous_key()));
--> statement-breakpoint
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY messages_owner ON messages FOR ALL TO app_user
  USING (EXISTS (SELECT 1 FROM conversations c WHERE c.id = conversation_id
                 AND (c.user_id = app_current_user_id()
                      OR (c.user_id IS NULL AND c.anonymous_key = app_current_anonymous_key()))))
  WITH CHECK (EXISTS (SELECT 1 FROM conversations c WHERE c.id = conversation_id
                      AND (c.user_id = app_current_user_id()
                           OR (c.user_id IS NULL AND c.anonymous_key = app_current_anonymous_key()))));
--> statement-breakpoint
ALTER TABLE ai_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY ai_runs_owner ON ai_runs FOR ALL TO app_user
  USING (user_id = app_current_user_id()
         OR (user_id IS NULL AND EXISTS (SELECT 1 FROM conversations c WHERE c.id = conversation_id
                                         AND c.user_id IS NULL
                                         AND c.anonymous_key = app_current_anonymous_key())))
  WITH CHECK (user_id = app_current_user_id()
              OR (user_id IS NULL AND EXISTS (SELECT 1 FROM conversations c WHERE c.id = conversation_id
                                              AND c.user_id IS NULL
                                              AND c.anonymous_key = app_current_anonymous_key())));
