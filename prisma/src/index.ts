export { Prisma, PrismaClient } from '../generated/client/client.ts'
export * from '../generated/client/enums.ts'
export { applyMigrations, MIGRATIONS_DIR } from './migrate.ts'
export { type Database, type DatabaseKind, type OpenOptions, openDatabase } from './open.ts'
