import type { DbOrTx } from '../../db/client.ts';
import { logActivity } from '../analytics/activity.ts';

/**
 * Every catalog change an admin makes, in the activity log: who (the user), when (created_at), what (action,
 * entity and id) and the entity before and after, so a wrong edit can be seen and undone by hand.
 */
export async function recordCatalogChange(
  tx: DbOrTx,
  by: string,
  change: { action: string; entity: string; id: string; before: unknown; after: unknown },
): Promise<void> {
  await logActivity(tx, {
    userId: by,
    activityType: 'CATALOG_EDITED',
    metadata: JSON.parse(JSON.stringify(change)) as Record<string, unknown>,
  });
}
