export { messageTypes, outboundChannels } from '../../db/schema/index.ts';
export { enqueueCallReminders } from './call-reminders.ts';
export { listPreferences, type PreferencesEdit, preferencesEdit, savePreferences } from './preferences.ts';
export { answerQuickAction } from './quick-actions.ts';
export { type ScanResult, scanCheckIns } from './scan.ts';
export { listTemplates, saveTemplate } from './templates.ts';
