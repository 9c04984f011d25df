import { loadConfig } from '../config.ts';
import { openRuntime } from '../runtime.ts';
import { grantAdmin } from '../services/api-keys/index.ts';
import { AppError } from '../services/errors.ts';

/** `npm run admin:grant -- EMAIL`: gives an existing account the admin role (profiles.role = 'ADMIN'). */
const email = process.argv[2];
if (!email?.includes('@')) {
  process.stderr.write('usage: npm run admin:grant -- EMAIL (an existing account)\n');
  process.exit(2);
}
const runtime = await openRuntime(loadConfig(), { seed: false });
try {
  const id = await grantAdmin(runtime.database.db, email);
  process.stdout.write(`admin role granted to account ${id}\n`);
} catch (error) {
  if (error instanceof AppError && error.code === 'NOT_FOUND') {
    process.stderr.write('admin:grant: no account with that e-mail; sign up first\n');
    process.exitCode = 1;
  } else throw error;
} finally {
  await runtime.close();
}
