import { listPreferences, notificationNotes } from '../../../services/check-ins/index.ts';
import type { Db } from '../../../services/database.ts';
import type { NotificationsView } from './notifications-section.ts';

/** The account's notification preferences and what can reach it (e-mail only where SMTP is configured). */
export async function notificationsView(
  db: Db,
  userId: string,
  options: { email: boolean },
  failed: NotificationsView['failed'] = null,
): Promise<NotificationsView> {
  const [preferences, notes] = await Promise.all([
    listPreferences(db, userId),
    notificationNotes(db, userId, { messageType: 'check_in' }, new Date(), options),
  ]);
  return { preferences, notes, failed };
}
