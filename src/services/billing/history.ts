import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { billingTransactions } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';

/** The person's billing history, newest first, read under row-level security (their rows only). */
export async function listBillingHistory(db: Db, userId: string, limit = 100) {
  const rows = await withUser(db, userId, (tx) =>
    tx
      .select({
        id: billingTransactions.id,
        type: billingTransactions.transactionType,
        description: billingTransactions.description,
        amount: billingTransactions.amount,
        currency: billingTransactions.currency,
        status: billingTransactions.status,
        invoicePdfUrl: billingTransactions.invoicePdfUrl,
        date: billingTransactions.transactionDate,
      })
      .from(billingTransactions)
      .where(eq(billingTransactions.userId, userId))
      .orderBy(desc(billingTransactions.transactionDate))
      .limit(limit),
  );
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}
