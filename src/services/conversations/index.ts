export * from './actor.ts';
export * from './conversations.ts';
export * from './turns.ts';
