// A worker thread does not inherit the parent's TypeScript loader on Node 20: register tsx, then load the
// solver written in TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./solver-worker.ts');
