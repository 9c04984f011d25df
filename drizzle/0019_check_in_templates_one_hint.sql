-- The shipped Telegram and e-mail check-in templates (drizzle/0016) printed the quick-action hint twice: once
-- through {{rotation}} (the sentence the scan fills in) and once as their own last line. The own line goes;
-- a template an admin has edited (updated_by set) is left as the admin wrote it.
UPDATE communication_templates
SET body = E'Your ReadyPlan check-in:\n{{items}}\n{{rotation}}', updated_at = now()
WHERE message_type = 'check_in' AND channel = 'telegram' AND updated_by IS NULL
  AND body = E'Your ReadyPlan check-in:\n{{items}}\n{{rotation}}\nReply USED <n>, RESTOCKED <n> or SNOOZE <days>.';
--> statement-breakpoint
UPDATE communication_templates
SET body = E'Hello {{name}},\n\n{{items}}\n\n{{rotation}}', updated_at = now()
WHERE message_type = 'check_in' AND channel = 'email' AND updated_by IS NULL
  AND body = E'Hello {{name}},\n\n{{items}}\n\n{{rotation}}\n\nReply USED <n>, RESTOCKED <n> or SNOOZE <days>.';
