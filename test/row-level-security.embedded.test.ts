import { describeRowLevelSecurity } from './contracts/row-level-security.ts';
import { freshDatabase } from './support/db.ts';

describeRowLevelSecurity('embedded PGlite', async () => {
  const database = await freshDatabase();
  return { database, login: { role: 'postgres', superuser: true }, close: () => database.close() };
});
