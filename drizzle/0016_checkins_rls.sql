-- Row-level security for the communication tables (drizzle/0015), in the manner of drizzle/0002 and 0006.
-- A user reads and changes their own notification preferences (the web page, the chat tool) as app_user.
-- Templates, the outbox and the delivery log are written by the system (the sender, the admin API, the
-- provider callbacks): RLS on, no policy and no grant, so app_user sees nothing of them.
GRANT SELECT, INSERT, UPDATE, DELETE ON communication_preferences TO app_user;
--> statement-breakpoint
ALTER TABLE communication_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY communication_preferences_owner ON communication_preferences FOR ALL TO app_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE communication_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE communication_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The shipped default templates (an admin may edit them later; a re-run keeps the edits).
INSERT INTO communication_templates (message_type, channel, subject, body) VALUES
  ('check_in', 'telegram', NULL, E'Your ReadyPlan check-in:\n{{items}}\n{{rotation}}\nReply USED <n>, RESTOCKED <n> or SNOOZE <days>.'),
  ('check_in', 'sms', NULL, E'ReadyPlan check-in:\n{{items}}\nReply USED <n>, RESTOCKED <n>, SNOOZE <days> or STOP.'),
  ('check_in', 'email', 'Your ReadyPlan check-in', E'Hello {{name}},\n\n{{items}}\n\n{{rotation}}\n\nReply USED <n>, RESTOCKED <n> or SNOOZE <days>.'),
  ('call_reminder', 'telegram', NULL, 'Reminder: your expert call "{{title}}" starts {{when}}.'),
  ('call_reminder', 'sms', NULL, 'ReadyPlan: your expert call "{{title}}" starts {{when}}. Reply STOP to opt out.'),
  ('call_reminder', 'email', 'Your expert call {{when}}', E'Hello {{name}},\n\nyour expert call "{{title}}" starts {{when}}.\n{{link}}'),
  ('product_news', 'telegram', NULL, '{{text}}'),
  ('product_news', 'sms', NULL, '{{text}} Reply STOP to opt out.'),
  ('product_news', 'email', '{{subject}}', E'Hello {{name}},\n\n{{text}}')
ON CONFLICT (message_type, channel) DO NOTHING;
