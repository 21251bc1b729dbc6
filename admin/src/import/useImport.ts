// The steps of an import: read the file (its encoding or sheet shown), check it in the browser,
// have the hub dry-run it, and — only when no row is bad — write it in one transaction.
import hubSchema from 'virtual:hub-schema'
import { useState } from 'react'
import { type HttpError, type TranslateFunction, useDataProvider, useRefresh, useTranslate } from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import type { ResourceApi } from '../providers/resources.ts'
import { UnreadableFile } from './encoding.ts'
import { loadLanguages } from './languages.ts'
import { layoutOf, matchHeaders } from './layout.ts'
import { currentRecords, findRecords, runImport } from './network.ts'
import { type ImportPlan, planImport } from './plan.ts'
import { type ImportReport, MAX_IMPORT_ROWS, mergeReport, type ServerRows, serverRows } from './report.ts'
import { headerRowOf, readTable, type Table } from './table.ts'

export type Source = Table['source']

export type Phase =
  | { step: 'choose' }
  | { step: 'reading'; fraction: number }
  | { step: 'checking'; total: number }
  | { step: 'planned'; plan: ImportPlan; sent: ServerRows }
  | { step: 'applying'; plan: ImportPlan; sent: ServerRows }
  | { step: 'applied'; report: ImportReport }
  | { step: 'refused'; plan: ImportPlan; message?: string }

/** The hub's message (or the console's own words for it) and each field's problem. */
export function describeError(error: unknown, translate: TranslateFunction): string {
  if (error instanceof UnreadableFile) {
    const detected = 'detected' in error.refusal ? error.refusal.detected : undefined
    return translate(error.message, { detected: detected ?? '' })
  }
  const body = (error as HttpError).body as { errors?: Record<string, unknown> } | undefined
  const fields = Object.entries(body?.errors ?? {})
    .filter(([field]) => field !== 'root')
    .map(([field, message]) => `${field}: ${typeof message === 'string' ? message : JSON.stringify(message)}`)
  const message = (error as Error).message
  return [translate(message, { _: message }), ...fields].join('；')
}

export function useImport(api: ResourceApi) {
  const translate = useTranslate()
  const dataProvider = useDataProvider<HubDataProvider>()
  const refresh = useRefresh()
  const [phase, setPhase] = useState<Phase>({ step: 'choose' })
  const [fatal, setFatal] = useState<string>()
  const [reason, setReason] = useState('')
  const [file, setFile] = useState<File>()
  /** What was read: the encoding, or the workbook's sheets (kept when a sheet has no rows, to choose another). */
  const [source, setSource] = useState<Source>()

  async function read(picked: File, sheet?: string) {
    setFatal(undefined)
    setFile(picked)
    setSource(undefined)
    setPhase({ step: 'reading', fraction: 0 })
    try {
      const [table, languages] = await Promise.all([
        readTable(picked, { sheet, onProgress: (fraction) => setPhase({ step: 'reading', fraction }) }),
        loadLanguages(),
      ])
      setSource(table.source)
      const columns = layoutOf(hubSchema, api, languages)
      const isHeader = (text: string) => matchHeaders(columns, [text]).columns[0] !== undefined
      const headerRow = headerRowOf(table.rows, isHeader)
      const headers = (table.rows[headerRow] ?? []).map((cell) => String(cell ?? ''))
      const rows = table.rows.slice(headerRow + 1)
      if (!rows.length) throw new Error('hub.import.empty')
      if (rows.length > MAX_IMPORT_ROWS) {
        throw new Error(translate('hub.import.tooMany', { max: MAX_IMPORT_ROWS, rows: rows.length }))
      }
      setPhase({ step: 'checking', total: rows.length })
      const local = await planImport({
        schema: hubSchema,
        api,
        languages,
        headers,
        rows,
        firstLine: headerRow + 2,
        find: findRecords(dataProvider),
        current: (ids) => currentRecords(dataProvider, api, ids),
      })
      const sent = serverRows(local)
      const report = sent.rows.length
        ? await runImport(dataProvider, api, sent, { dryRun: true, reason })
        : { dryRun: true, applied: false, created: 0, updated: 0, errors: [], warnings: [] }
      setPhase({ step: 'planned', plan: mergeReport(local, report, sent.lines), sent })
    } catch (error) {
      setFatal(describeError(error, translate))
      setPhase({ step: 'choose' })
    }
  }

  async function apply() {
    if (phase.step !== 'planned') return
    const { plan, sent } = phase
    setFatal(undefined)
    setPhase({ step: 'applying', plan, sent })
    try {
      const report = await runImport(dataProvider, api, sent, { dryRun: false, reason })
      if (report.applied) setPhase({ step: 'applied', report })
      else setPhase({ step: 'refused', plan: mergeReport(plan, report, sent.lines) })
      refresh()
    } catch (error) {
      setPhase({ step: 'refused', plan, message: describeError(error, translate) })
    }
  }

  /** Reads another sheet of the workbook last picked. */
  function chooseSheet(sheet: string) {
    if (file) void read(file, sheet)
  }

  const busy = phase.step === 'reading' || phase.step === 'checking' || phase.step === 'applying'
  return { phase, source, fatal, reason, setReason, read, apply, chooseSheet, busy }
}
