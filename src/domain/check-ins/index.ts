export * from './call-reminder.ts';
export * from './message.ts';
export * from './rotation.ts';
export * from './schedule.ts';
export * from './zoned-time.ts';
