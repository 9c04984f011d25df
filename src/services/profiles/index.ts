export * from './profiles.ts';
export * from './sms-consent.ts';
