ALTER TABLE "login_attempts" DROP CONSTRAINT "login_attempts_outcome_check";--> statement-breakpoint
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_outcome_check" CHECK ("login_attempts"."outcome" in ('success', 'failure', 'throttled', 'pending'));--> statement-breakpoint
-- Column-level grants: app_user (every user query, src/db/with-user.ts) may change only what a person edits
-- about themselves. Subscription, Stripe, role and password columns are written by the system role alone
-- (billing webhooks, sign-in), so a mass-assignment bug in a user-facing path cannot become a self-upgrade.
-- Columns added later are not writable by app_user until granted here or in a later migration.
REVOKE INSERT, UPDATE ON profiles FROM app_user;
--> statement-breakpoint
GRANT UPDATE (full_name, household, updated_at) ON profiles TO app_user;
--> statement-breakpoint
REVOKE INSERT, UPDATE ON users FROM app_user;
--> statement-breakpoint
-- Guest conversations keep only the SHA-256 of their key (as sessions keep their token's); the key itself
-- stays in the visitor's cookie. src/services/conversations/actor.ts sets app.anonymous_key to the hash.
UPDATE conversations SET anonymous_key = encode(sha256(convert_to(anonymous_key, 'UTF8')), 'hex')
  WHERE anonymous_key IS NOT NULL;
