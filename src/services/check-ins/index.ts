export { messageTypes, outboundChannels } from '../../db/schema/index.ts';
export { enqueueCallReminders } from './call-reminders.ts';
export { availableChannels, type ChannelNotes, notificationNotes } from './notes.ts';
export {
  listPreferences,
  preferencesEdit,
  savePreferences,
  savePreferencesFromChat,
} from './preferences.ts';
export { answerQuickAction } from './quick-actions.ts';
export {
  type HouseholdRates,
  householdRates,
  type InventoryRotations,
  inventoryRotations,
  type RatesBasis,
} from './rotations.ts';
export { scanCheckIns } from './scan.ts';
export { listTemplates, saveTemplate } from './templates.ts';
