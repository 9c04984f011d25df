export * from './attendance.ts';
export * from './calls.ts';
export * from './ics.ts';
export * from './shared-context.ts';
