import { loadConfig } from '../config.ts';
import { openRuntime } from '../runtime.ts';
import { RESET_TOKEN_MINUTES, resetLinkFor } from '../services/accounts/index.ts';

/**
 * `npm run --silent admin:reset-link -- EMAIL`: prints a password reset link for the account (valid
 * 30 minutes, once; earlier links stop working), for an operator to pass on by hand — what the sign-in
 * pages tell people to ask for when this deployment sends no e-mail (SMTP_URL unset).
 */
const email = process.argv[2];
if (!email?.includes('@')) {
  process.stderr.write('usage: npm run --silent admin:reset-link -- EMAIL (an existing account)\n');
  process.exit(2);
}
const runtime = await openRuntime(loadConfig(), { seed: false });
try {
  const link = await resetLinkFor(runtime.database.db, runtime.config.publicUrl, email);
  if (link) {
    process.stdout.write(`${link}\n`);
    process.stderr.write(
      `works once, for ${RESET_TOKEN_MINUTES} minutes; give it only to the account's owner\n`,
    );
  } else {
    process.stderr.write('admin:reset-link: no account with that e-mail\n');
    process.exitCode = 1;
  }
} finally {
  await runtime.close();
}
