import { listUserIdentities, redactExternalId } from '../../../services/channels/index.ts';
import type { Db } from '../../../services/database.ts';
import type { LinkView } from './link-section.ts';

/** The account's linked chats and numbers, shortened (personal data), and a code just made, if any. */
export async function linkView(db: Db, userId: string, code?: LinkView['code']): Promise<LinkView> {
  const linked = (await listUserIdentities(db, userId)).flatMap((i) =>
    i.channel === 'web' ? [] : [{ channel: i.channel, shown: redactExternalId(i.externalId) }],
  );
  return { linked, code: code ?? null };
}
