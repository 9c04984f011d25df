import { sql } from 'drizzle-orm';
import { isUuid } from '../domain/ids.ts';
import type { Db, Tx } from './client.ts';

/**
 * Whom row-level security sees: a user by id, an anonymous session by its key's hash (drizzle/0004,
 * 0008), or null for nobody, who sees nothing.
 */
export type RlsSubject = string | null | { anonymousKeyHash: string };

/**
 * Runs `work` as the subject: inside one transaction, as the non-superuser role app_user, with
 * app.user_id and app.anonymous_key set for the row-level security policies (drizzle/0002, 0004).
 * The settings and the role go in one round trip; set_config(…, true) is local to the transaction
 * (set_config('role', …, true) is SET LOCAL ROLE).
 */
export async function withUser<T>(db: Db, subject: RlsSubject, work: (tx: Tx) => Promise<T>): Promise<T> {
  const userId = typeof subject === 'string' ? subject : null;
  const anonymousKeyHash = subject !== null && typeof subject === 'object' ? subject.anonymousKeyHash : '';
  if (typeof subject === 'string' && !isUuid(subject))
    throw new TypeError('withUser needs a user id that is a UUID');
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.user_id', ${userId ?? ''}, true),
                 set_config('app.anonymous_key', ${anonymousKeyHash}, true),
                 set_config('role', 'app_user', true)`,
    );
    return work(tx);
  });
}
