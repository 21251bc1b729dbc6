import { defineConfig } from 'vitest/config'

// Every suite runs on the embedded database; with TEST_DATABASE_URL set, again on PostgreSQL.
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])]

export default defineConfig({
  test: {
    projects: databases.map((database) => ({
      extends: true,
      test: {
        name: database,
        env: { HUB_TEST_DATABASE: database },
        include: ['api/**/*.test.ts', 'unit/**/*.test.ts'],
        globalSetup: ['./setup/global.ts'],
        testTimeout: 30_000,
        hookTimeout: 120_000,
      },
    })),
  },
})
