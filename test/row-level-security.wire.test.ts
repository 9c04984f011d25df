import { describeRowLevelSecurity } from './contracts/row-level-security.ts';
import { databaseOverWire } from './support/wire.ts';

describeRowLevelSecurity('postgres.js over the wire protocol', databaseOverWire);
