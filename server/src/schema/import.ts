// importRecords: the console's CSV import, applied in one transaction or not at all.
import { isInputObjectType } from 'graphql'
import { builder } from '../builder.ts'
import { userInputError } from '../records/errors.ts'
import { family } from '../records/family.ts'
import { importRows, MAX_IMPORT_ROWS, MAX_IMPORT_WARNINGS } from '../records/import.ts'
import { RecordType } from './audit.ts'

const ImportRowError = builder
  .objectRef<{ row: number; field: string; code: string; message: string }>('ImportRowError')
  .implement({
    description: 'Why one row cannot be imported.',
    fields: (t) => ({
      row: t.exposeInt('row', { description: 'Row number, from 1 (a CSV header is not counted).' }),
      field: t.exposeString('field', { description: 'The column at fault; empty when the row as a whole is.' }),
      code: t.exposeString('code', { description: 'Machine-readable reason (required, too_big, unique, CONFLICT…).' }),
      message: t.exposeString('message', { description: 'The reason in the caller’s language where possible.' }),
    }),
  })

const ImportReport = builder
  .objectRef<{
    dryRun: boolean
    applied: boolean
    created: number
    updated: number
    errors: { row: number; field: string; code: string; message: string }[]
    warnings: { row: number; field: string; code: string; message: string }[]
    warningCount: number
  }>('ImportReport')
  .implement({
    description: 'What an import did, or (dry run) would do.',
    fields: (t) => ({
      dryRun: t.exposeBoolean('dryRun', { description: 'Whether this was only a trial.' }),
      applied: t.exposeBoolean('applied', { description: 'Whether the rows were written (all of them).' }),
      created: t.exposeInt('created', { description: 'Rows that create (or would create) a record.' }),
      updated: t.exposeInt('updated', { description: 'Rows that change (or would change) a record.' }),
      errors: t.field({
        type: [ImportRowError],
        description: 'Each bad row with its reason.',
        resolve: (r) => r.errors,
      }),
      warnings: t.field({
        type: [ImportRowError],
        description: `What the data-quality rules warn about, per row (the code is the rule), the first ${MAX_IMPORT_WARNINGS}; a warning does not stop the import. Rules of severity ERROR refuse the row instead (in \`errors\`).`,
        resolve: (r) => r.warnings,
      }),
      warningCount: t.exposeInt('warningCount', {
        description: `All the warnings; \`warnings\` lists the first ${MAX_IMPORT_WARNINGS}, by row.`,
      }),
    }),
  })

builder.mutationField('importRecords', (t) =>
  t.field({
    type: ImportReport,
    authScopes: { editor: true },
    description: `Imports rows of one record type: rows without \`id\` create records, rows with \`id\` and \`version\` update them. Every row is checked, by the database too; then all are written in one transaction, or, if any row is bad or \`dryRun\` is true, none. At most ${MAX_IMPORT_ROWS} rows.`,
    args: {
      recordType: t.arg({ type: RecordType, required: true, description: 'The type of the records.' }),
      rows: t.arg({
        type: ['JSON'],
        required: true,
        description:
          'The rows: objects with the fields of the create/update input (references as global IDs), plus `id` and `version` to update.',
      }),
      dryRun: t.arg.boolean({ defaultValue: true, description: 'Check only (the default); false writes.' }),
      reason: t.arg.string({ description: 'Why, for the audit trail (≤ 1000 characters).' }),
    },
    resolve: (_root, args, ctx, info) => {
      if (args.rows.length > MAX_IMPORT_ROWS) {
        // The input limits (plugins/hardening) refuse a longer list before this runs; the rule stays with the import.
        const message =
          ctx.locale === 'zh' ? `每次导入最多 ${MAX_IMPORT_ROWS} 行。` : `At most ${MAX_IMPORT_ROWS} rows per import.`
        throw userInputError(message, [{ field: 'rows', code: 'too_big', message: `≤ ${MAX_IMPORT_ROWS}` }])
      }
      const rows = args.rows.map((row) => (row && typeof row === 'object' && !Array.isArray(row) ? row : {}))
      const f = family(String(args.recordType))
      // A row may carry exactly what createX and updateX accept, nested lists included.
      const inputFields = new Set(
        [`${f.typename}CreateInput`, `${f.typename}UpdateInput`].flatMap((name) => {
          const type = info.schema.getType(name)
          return isInputObjectType(type) ? Object.keys(type.getFields()) : []
        }),
      )
      return importRows(
        f,
        rows as Record<string, unknown>[],
        { dryRun: args.dryRun ?? true, reason: args.reason, inputFields },
        ctx,
      )
    },
  }),
)
