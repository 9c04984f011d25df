export * from './activity.ts';
export * from './affiliate.ts';
export * from './bundle-analytics.ts';
export * from './report.ts';
