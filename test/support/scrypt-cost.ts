import { setScryptCostForTests } from '../../src/services/accounts/passwords.ts';

/**
 * Vitest setup file (vitest.config.ts `setupFiles`): hashes passwords at a low scrypt cost so sign-ups in
 * tests take milliseconds, not half a second each. src/services/accounts/passwords.test.ts restores the real
 * cost (SCRYPT_COST) for its own checks.
 */
setScryptCostForTests({ N: 2 ** 10, r: 8, p: 1 });
