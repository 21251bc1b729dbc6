export { Prisma, PrismaClient } from '../generated/client/client.ts'
export * from '../generated/client/enums.ts'
export { DataDirInUseError, isFileDataDir, lockDataDir } from './data-dir-lock.ts'
export {
  appliedMigrations,
  applyMigrations,
  MIGRATIONS_DIR,
  migrationNames,
  PendingMigrationsError,
  pendingMigrations,
  type SqlRunner,
} from './migrate.ts'
export { PUBLISHED_SCHEMA, type Sql, syncMirror } from './mirror.ts'
export {
  DATA_MODELS,
  fieldNamesOf,
  foreignKeys,
  JOIN_TABLES,
  MODEL_NAMES,
  RECORD_MODELS,
  tablesInInsertOrder,
} from './models.ts'
export {
  type Database,
  type DatabaseKind,
  type OpenOptions,
  openDatabase,
  type ReadOptions,
  type StatementListener,
} from './open.ts'
export { withNamedStatements } from './pglite-named-statements.ts'
export { PGliteThread } from './pglite-thread.ts'
export { allPlanCacheStats, type PlanCacheStats, setPlanCacheEnabled } from './plan-cache.ts'
export { APPLICATION_NAME, createPool } from './postgres.ts'
export { HOT_AFTER, MAX_NAMED } from './prepared-statements.ts'
export {
  copyPublishedToWorking,
  type PublishAction,
  type PublishedRecord,
  type PublishItem,
  prismaSql,
  publish,
  publishEverything,
  type RecordSnapshot,
  rebuildFromLog,
  recordSnapshots,
  snapshotSql,
  snapshotsByRecord,
  workingAndPublishedSnapshots,
} from './publication.ts'
export { poolTransaction, type SqlQuery, SqlStatementError } from './sql-transaction.ts'
