import { defineConfig } from 'vitest/config';

/**
 * The dialogue eval's own tests (`npx vitest run --config evals/dialogue/vitest.config.ts`). The root
 * config does not include evals/ yet; these need no global setup (the suite seeds and caches its own
 * database), so they also run unchanged once it does.
 */
export default defineConfig({
  test: {
    include: ['evals/dialogue/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
