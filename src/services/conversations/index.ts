export * from './actor.ts';
export * from './conversations.ts';
