import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { conversations, inventoryItems, missionReports, profiles, users } from '../../db/schema/index.ts';

export type MergeCounts = { plans: number; inventory: number; conversations: number };

/**
 * Folds `absorbed` into `survivor` inside the caller's transaction, losing nothing:
 *
 * - Every row that points at the absorbed user moves to the survivor: plans, inventory, conversations with
 *   their messages and runs, linked chats and numbers, activity, orders, codes… The tables are read from the
 *   catalog (every foreign key to users.id), so a table added later moves too instead of being cascaded away.
 * - Inventory: both rows are KEPT, never summed. Two rows of the same item usually carry different expiry
 *   dates and places, which check-ins need; the plan already adds owned stock of one key together.
 * - Household facts: the survivor's win; the absorbed user's fill the gaps (an SMS opt-out carries over).
 * - An expert call both users booked keeps the survivor's booking (the pair is unique).
 * - The absorbed users row (a chat's password-less user) is then deleted; nothing is left to cascade.
 *
 * Both users rows are locked first, in id order, so two merges of the same users wait for each other.
 */
export async function mergeUsers(tx: Tx, absorbed: string, survivor: string): Promise<MergeCounts> {
  const [first, second] = [absorbed, survivor].sort();
  await tx.execute(sql`select id from users where id in (${first}, ${second}) order by id for update`);

  const count = async (table: typeof missionReports | typeof inventoryItems | typeof conversations) => {
    const [row] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(table)
      .where(eq(table.userId, absorbed));
    return row?.n ?? 0;
  };
  const moved: MergeCounts = {
    plans: await count(missionReports),
    inventory: await count(inventoryItems),
    conversations: await count(conversations),
  };

  const [theirs] = await tx
    .select({ household: profiles.household, fullName: profiles.fullName })
    .from(profiles)
    .where(eq(profiles.id, absorbed));
  if (theirs) {
    await tx
      .update(profiles)
      .set({
        household: sql`${JSON.stringify(theirs.household ?? {})}::jsonb || ${profiles.household}`,
        fullName: sql`coalesce(${profiles.fullName}, ${theirs.fullName})`,
        updatedAt: sql`now()`,
      })
      .where(eq(profiles.id, survivor));
  }
  await tx.execute(sql`
    delete from call_attendance a
    where a.user_id = ${absorbed}
      and exists (select 1 from call_attendance s where s.user_id = ${survivor} and s.call_id = a.call_id)`);

  const references = rowsOf<{ tbl: string; col: string }>(
    await tx.execute(sql`
      select quote_ident(n.nspname) || '.' || quote_ident(t.relname) as tbl, quote_ident(a.attname) as col
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_namespace n on n.oid = t.relnamespace
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'public.users'::regclass and array_length(c.conkey, 1) = 1
        and t.relname <> 'profiles'
      order by 1, 2`),
  );
  for (const ref of references) {
    // Identifiers come from the catalog, quoted by quote_ident; the ids are parameters.
    await tx.execute(
      sql`update ${sql.raw(ref.tbl)} set ${sql.raw(ref.col)} = ${survivor} where ${sql.raw(ref.col)} = ${absorbed}`,
    );
  }
  await tx.delete(users).where(eq(users.id, absorbed));
  return moved;
}
