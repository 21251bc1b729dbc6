import { createRequire } from 'node:module'
import path from 'node:path'
import { defineConfig } from 'vitest/config'
import { hubSchema } from '../admin/vite/hub-schema.ts'

// Every suite runs on the embedded database; with TEST_DATABASE_URL set, again on PostgreSQL.
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])]

export default defineConfig({
  // Vite would load graphql's ES build for our code while Yoga and Pothos load its CommonJS build:
  // two GraphQLError classes, and Yoga would mask our typed errors. One copy, as under Node.
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    projects: [
      ...databases.map((database) => ({
        extends: true as const,
        test: {
          name: database,
          env: { HUB_TEST_DATABASE: database },
          // ops/: db:* commands (data moves, backups) on each database.
          include: ['api/**/*.test.ts', 'unit/**/*.test.ts', 'ops/**/*.test.ts'],
          globalSetup: ['./setup/global.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      })),
      // Two hub processes sharing one PostgreSQL database and one Redis (live updates, rate limits,
      // sessions): with TEST_DATABASE_URL, and Redis at TEST_REDIS_URL (default 127.0.0.1:6379).
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: { name: 'cluster', include: ['cluster/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 200_000 },
            },
          ]
        : []),
      // The console's pure modules (number formatting, query building, CSV dry run, messages): no database.
      // Their imports of `virtual:hub-schema` get the checked-in schema, as in the console's build.
      {
        extends: true,
        plugins: [hubSchema(path.resolve(import.meta.dirname, '../server/schema.graphql'))],
        test: { name: 'admin', include: ['unit-admin/**/*.test.ts'] },
      },
      // Faults (test/faults/): each file starts a private PostgreSQL cluster with initdb (PG_BIN,
      // default Debian's PostgreSQL 15) and stops, kills and restarts it; runs where PostgreSQL is
      // installed: in CI (TEST_DATABASE_URL set) or with HUB_FAULTS=1.
      ...(process.env.TEST_DATABASE_URL || process.env.HUB_FAULTS === '1'
        ? [
            {
              extends: true as const,
              test: {
                name: 'faults',
                include: ['faults/**/*.test.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      // The console in headless Chromium against a real hub; needs /usr/bin/chromium, so opt-in.
      ...(process.env.HUB_E2E === '1'
        ? [
            {
              extends: true as const,
              test: {
                name: 'e2e',
                env: { HUB_TEST_DATABASE: 'pglite' },
                include: ['e2e/**/*.test.ts'],
                globalSetup: ['./setup/global.ts', './e2e/build-console.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
                fileParallelism: false,
                // Pages load route chunks and data: wait for what a person would wait for.
                expect: { poll: { timeout: 15_000, interval: 100 } },
              },
            },
          ]
        : []),
    ],
  },
})
