import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `work` as the acting user: inside one transaction, as the non-superuser role app_user, with
 * app.user_id set for the row-level security policies (drizzle/0002). Pass null for "nobody", who sees nothing.
 */
export async function withUser<T>(db: Db, userId: string | null, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (userId !== null && !uuidPattern.test(userId))
    throw new TypeError('withUser needs a user id that is a UUID');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${userId ?? ''}, true)`);
    await tx.execute(sql`set local role app_user`);
    return work(tx);
  });
}
