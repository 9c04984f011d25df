export * from './call-reminder.ts';
export * from './consumption.ts';
export * from './message.ts';
export * from './rotation.ts';
export * from './schedule.ts';
export * from './state-zones.ts';
export * from './weekdays.ts';
export * from './zoned-time.ts';
