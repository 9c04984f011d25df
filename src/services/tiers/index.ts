export * from './quotas.ts';
export * from './tiers.ts';
