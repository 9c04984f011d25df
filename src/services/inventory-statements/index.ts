export * from './apply.ts';
export * from './units.ts';
