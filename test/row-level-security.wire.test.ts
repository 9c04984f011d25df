import { describeRowLevelSecurity } from './contracts/row-level-security.ts';
import { databaseOverWire } from './support/wire.ts';

describeRowLevelSecurity('postgres.js over the wire protocol, as postgres', () => databaseOverWire());
describeRowLevelSecurity(
  'postgres.js over the wire protocol, as a non-superuser login that owns the schema',
  () => databaseOverWire({ login: 'owner' }),
);
