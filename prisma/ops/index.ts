// Moving data: export/import between databases, backups in each database's own format.
export { backup, backupKind, findTool, restore } from './backup.ts'
export { connect } from './connection.ts'
export { beginExport } from './export.ts'
export { type ExportHeader, FORMAT_NAME, FORMAT_VERSION, incompatibility } from './format.ts'
export { ImportRefused, importDatabase } from './import.ts'
export { readLines, writeChunks } from './jsonl-file.ts'
export { NO_PASSWORD } from './tables.ts'
export { describeTarget, type Target, targetFromEnv } from './target.ts'
