export * from './identities.ts';
export * from './inbound.ts';
export * from './link-codes.ts';

export * from './turn-limit.ts';
