/** The database handle as layers above services see it: they pass it along, only services query it. */
export type { Database, Db, DbOrTx } from '../db/client.ts';
