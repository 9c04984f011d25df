export { messageTypes, outboundChannels } from '../../db/schema/index.ts';
export { enqueueCallReminders } from './call-reminders.ts';
export { listPreferences, savePreferences } from './preferences.ts';
export { answerQuickAction } from './quick-actions.ts';
export { scanCheckIns } from './scan.ts';
export { listTemplates, saveTemplate } from './templates.ts';
