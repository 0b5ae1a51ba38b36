import { defineConfig } from 'vitest/config';

/**
 * One suite for domain, server and web unit tests. Each test file gets its own fresh database, cloned from a
 * template that global-setup migrates once (PGlite dump, or a PostgreSQL template database with TEST_DATABASE_URL).
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    globalSetup: ['src/server/test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
