export * from './admin.ts';
export * from './alerts.ts';
export * from './keys.ts';
