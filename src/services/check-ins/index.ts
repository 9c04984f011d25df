export { messageTypes, outboundChannels } from '../../db/schema/index.ts';
export { enqueueCallReminders } from './call-reminders.ts';
export { notificationNotes } from './notes.ts';
export {
  listPreferences,
  savePreferences,
  savePreferencesFromChat,
} from './preferences.ts';
export { answerQuickAction } from './quick-actions.ts';
/** Rotation paces from the household's own consumption, for the inventory page and check-ins. */
export { type InventoryRotations, inventoryRotations } from './rotations.ts';
export { scanCheckIns } from './scan.ts';
export { listTemplates, saveTemplate } from './templates.ts';
