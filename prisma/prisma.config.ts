// Prisma CLI configuration. The JavaScript schema engine (`engine: 'js'`) keeps every command offline
// (Prisma's native engines would be downloaded, which these machines cannot do). The CLI talks to
// the database through a driver adapter: a scratch PGlite in memory by default (the commands that
// need none still open one, e.g. `migrate diff` between two schema files, which
// `pnpm db:migration:new` runs; a PGlite in a directory kept that command from exiting),
// PostgreSQL when MIGRATE_DATABASE_URL is set.
import { defineConfig } from 'prisma/config'

// The schema's datasource reads DATABASE_URL; without a postgresql:// value the CLI falls back to a
// native engine download. The adapter below decides where commands really go.
process.env.DATABASE_URL ??= 'postgresql://placeholder@localhost/placeholder'

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  async adapter() {
    const url = process.env.MIGRATE_DATABASE_URL
    if (url) {
      const { pgAdapterFactory } = await import('./src/postgres.ts')
      return pgAdapterFactory(url)
    }
    const { PGlite } = await import('@electric-sql/pglite')
    const { PrismaPGlite } = await import('pglite-prisma-adapter')
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
    // Typed against an older @prisma/driver-adapter-utils; compatible at run time (see src/open.ts).
    return new PrismaPGlite(new PGlite('memory://', { extensions: { pg_trgm } })) as unknown as ReturnType<
      typeof import('./src/postgres.ts').pgAdapterFactory
    >
  },
})
