// Import a CSV file: read it in the browser (progress shown), check it there first (the server's
// rules, division codes and names resolved to IDs), then ask the hub for a dry run of every row;
// show what would be created, updated and refused; only a file without bad rows can be applied,
// and the hub writes it in one transaction or not at all.

import hubSchema from 'virtual:hub-schema'
import {
  Alert,
  Box,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material'
import Papa from 'papaparse'
import { useState } from 'react'
import {
  Button,
  type HttpError,
  type TranslateFunction,
  useDataProvider,
  useLocaleState,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { versionsQuery } from '../providers/queries.ts'
import { resourceApi } from '../providers/resources.ts'
import { downloadTemplate } from './export.ts'
import { type ImportPlan, type Lookup, planImport, type Reason, type Row } from './plan.ts'
import {
  IMPORT_MUTATION,
  type ImportReport,
  idsWithoutVersion,
  MAX_IMPORT_ROWS,
  mergeReport,
  type ServerRows,
  serverRows,
} from './report.ts'

const LOOKUP_BATCH = 100
const VERSION_BATCH = 200
const PREVIEW_ROWS = 50
/** Characters parsed between two repaints of the progress bar. */
const PARSE_CHUNK = 256 * 1024

type Phase =
  | { step: 'choose' }
  | { step: 'parsing'; fraction: number }
  | { step: 'checking'; total: number }
  | { step: 'planned'; plan: ImportPlan; sent: ServerRows }
  | { step: 'applying'; plan: ImportPlan; sent: ServerRows }
  | { step: 'applied'; report: ImportReport }
  | { step: 'refused'; plan: ImportPlan; message?: string }

/** The hub's message (or the console's own words for it) and each field's problem. */
function describeError(error: unknown, translate: TranslateFunction): string {
  const body = (error as HttpError).body as { errors?: Record<string, unknown> } | undefined
  const fields = Object.entries(body?.errors ?? {})
    .filter(([field]) => field !== 'root')
    .map(([field, message]) => `${field}: ${typeof message === 'string' ? message : JSON.stringify(message)}`)
  const message = (error as Error).message
  return [translate(message, { _: message }), ...fields].join('；')
}

/** Parses the text in chunks, giving the browser a chance to repaint the progress between them. */
function parseCsv(text: string, onProgress: (fraction: number) => void) {
  return new Promise<{ rows: Row[]; headers: string[] }>((resolve, reject) => {
    const rows: Row[] = []
    let headers: string[] = []
    let parsed = 0
    Papa.parse<Row>(text, {
      header: true,
      skipEmptyLines: 'greedy',
      chunkSize: PARSE_CHUNK,
      // A byte order mark left by the decoder or by Excel would stick to the first column name.
      transformHeader: (header) => header.replace(/^\uFEFF/, '').trim(),
      chunk: (results: Papa.ParseResult<Row>, parser: Papa.Parser) => {
        if (!headers.length) headers = results.meta.fields ?? []
        for (const row of results.data) rows.push(row)
        parsed += PARSE_CHUNK
        onProgress(Math.min(1, parsed / Math.max(1, text.length)))
        parser.pause()
        setTimeout(() => parser.resume(), 0)
      },
      complete: () => resolve({ rows, headers }),
      error: (error: Error) => reject(error),
    })
  })
}

export default function ImportDialog({ onClose }: { onClose: () => void }) {
  const resource = useResourceContext() as string
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const dataProvider = useDataProvider<HubDataProvider>()
  const refresh = useRefresh()
  const [phase, setPhase] = useState<Phase>({ step: 'choose' })
  const [fatal, setFatal] = useState<string>()
  const [reason, setReason] = useState('')
  const api = resourceApi(resource)
  const count = (n: number) => new Intl.NumberFormat(locale).format(n)

  const lookup: Lookup = async (reference, by, values) => {
    const found = new Map<string, string[]>()
    for (let start = 0; start < values.length; start += LOOKUP_BATCH) {
      const batch = values.slice(start, start + LOOKUP_BATCH)
      const { data } = await dataProvider.getList(reference, {
        filter: { [`${by}_in`]: batch },
        pagination: { page: 1, perPage: 200 },
        sort: { field: 'id', order: 'ASC' },
      })
      for (const record of data) {
        const key = String(record[by])
        found.set(key, [...(found.get(key) ?? []), String(record.id)])
      }
    }
    return found
  }

  /** Current versions of the records that update rows without a version column name. */
  async function currentVersions(ids: string[]) {
    const versions = new Map<string, number>()
    const unique = [...new Set(ids)]
    for (let start = 0; start < unique.length; start += VERSION_BATCH) {
      const { nodes } = await dataProvider.graphql<{ nodes: ({ id: string; version: number } | null)[] }>(
        versionsQuery(api),
        { ids: unique.slice(start, start + VERSION_BATCH) },
      )
      for (const node of nodes) if (node?.version !== undefined) versions.set(node.id, node.version)
    }
    return versions
  }

  const runImport = async (sent: ServerRows, dryRun: boolean) =>
    (
      await dataProvider.graphql<{ report: ImportReport }>(IMPORT_MUTATION, {
        recordType: api.type,
        rows: sent.rows,
        dryRun,
        reason: reason.trim() || null,
      })
    ).report

  async function read(file: File) {
    setFatal(undefined)
    setPhase({ step: 'parsing', fraction: 0 })
    try {
      // File.text() decodes UTF-8 and drops a byte order mark; parseCsv drops one left behind.
      const text = await file.text()
      const { rows, headers } = await parseCsv(text, (fraction) => setPhase({ step: 'parsing', fraction }))
      if (!rows.length) throw new Error(translate('hub.import.empty'))
      if (rows.length > MAX_IMPORT_ROWS) {
        throw new Error(translate('hub.import.tooMany', { max: count(MAX_IMPORT_ROWS), rows: count(rows.length) }))
      }
      setPhase({ step: 'checking', total: rows.length })
      const local = await planImport(hubSchema, api, rows, headers, lookup)
      const sent = serverRows(local, await currentVersions(idsWithoutVersion(local)))
      const report = await runImport(sent, true)
      setPhase({ step: 'planned', plan: mergeReport(local, report, sent.lines), sent })
    } catch (error) {
      setFatal(describeError(error, translate))
      setPhase({ step: 'choose' })
    }
  }

  async function apply(plan: ImportPlan, sent: ServerRows) {
    setFatal(undefined)
    setPhase({ step: 'applying', plan, sent })
    try {
      const report = await runImport(sent, false)
      if (report.applied) setPhase({ step: 'applied', report })
      else setPhase({ step: 'refused', plan: mergeReport(plan, report, sent.lines) })
      refresh()
    } catch (error) {
      setPhase({ step: 'refused', plan, message: describeError(error, translate) })
    }
  }

  const busy = phase.step === 'parsing' || phase.step === 'checking' || phase.step === 'applying'
  const name = translate(`resources.${resource}.name`, { smart_count: 2 })
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="import-title"
      aria-describedby="import-intro"
    >
      <DialogTitle id="import-title">{translate('hub.import.title', { name })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" gutterBottom id="import-intro">
          {translate('hub.import.intro')}
        </Typography>
        <Alert severity="info" sx={{ my: 1 }}>
          {translate('hub.import.atomic', { max: count(MAX_IMPORT_ROWS) })}
        </Alert>
        {fatal ? (
          <Alert severity="error" sx={{ my: 1 }} data-testid="import-error">
            {fatal}
          </Alert>
        ) : null}
        {phase.step !== 'applying' ? (
          <Stack direction="row" spacing={2} useFlexGap sx={{ my: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button variant="contained" component="label" label="hub.import.choose" disabled={busy}>
              <input
                hidden
                type="file"
                accept=".csv,text/csv"
                data-testid="import-file"
                onChange={(event) => {
                  const file = event.target.files?.[0]
                  // Choosing the same (corrected) file again must fire change again.
                  event.target.value = ''
                  if (file) void read(file)
                }}
              />
            </Button>
            <Button label="hub.import.template" onClick={() => downloadTemplate(resource)} />
            <TextField
              size="small"
              label={translate('hub.audit.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 1000 } }}
              sx={{ flex: '1 1 16rem' }}
            />
          </Stack>
        ) : null}
        <Box role="status" aria-live="polite">
          {phase.step === 'parsing' ? (
            <Progress
              label={translate('hub.import.parsing')}
              value={Math.round(100 * phase.fraction)}
              testId="import-progress"
            />
          ) : null}
          {phase.step === 'checking' ? (
            <Progress label={translate('hub.import.checking', { rows: count(phase.total) })} testId="import-progress" />
          ) : null}
          {phase.step === 'applying' ? (
            <Progress
              label={translate('hub.import.applying', {
                rows: count(phase.plan.creates.length + phase.plan.updates.length),
              })}
              testId="import-progress"
            />
          ) : null}
        </Box>
        {phase.step === 'planned' || phase.step === 'applying' ? <PlanView plan={phase.plan} /> : null}
        {phase.step === 'applied' ? (
          <Alert severity="success" sx={{ my: 2 }} data-testid="import-result">
            {translate('hub.import.done', {
              rows: count(phase.report.created + phase.report.updated),
              created: count(phase.report.created),
              updated: count(phase.report.updated),
            })}
          </Alert>
        ) : null}
        {phase.step === 'refused' ? (
          <>
            <Alert severity="error" sx={{ my: 2 }} data-testid="import-result">
              {[phase.message, translate('hub.import.nothingWritten')].filter(Boolean).join(' ')}
            </Alert>
            <PlanView plan={phase.plan} />
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button label="hub.import.close" onClick={onClose} disabled={busy} />
        {phase.step === 'planned' ? (
          <Button
            variant="contained"
            label={translate('hub.import.apply', {
              smart_count: phase.plan.creates.length + phase.plan.updates.length,
            })}
            disabled={phase.plan.bad.length > 0 || phase.plan.creates.length + phase.plan.updates.length === 0}
            onClick={() => void apply(phase.plan, phase.sent)}
          />
        ) : null}
      </DialogActions>
    </Dialog>
  )
}

function Progress({ label, value, testId }: { label: string; value?: number; testId: string }) {
  return (
    <Box sx={{ my: 2 }} data-testid={testId}>
      <Typography variant="body2" gutterBottom>
        {value === undefined ? label : `${label} ${value}%`}
      </Typography>
      <LinearProgress
        variant={value === undefined ? 'indeterminate' : 'determinate'}
        value={value}
        aria-label={label}
      />
    </Box>
  )
}

function reasonText(reason: Reason, translate: TranslateFunction) {
  const message = translate(reason.problem.message, { _: reason.problem.message, ...reason.problem.args })
  return reason.column ? `${reason.column}: ${message}` : message
}

function PlanView({ plan }: { plan: ImportPlan }) {
  const translate = useTranslate()
  const preview = [
    ...plan.creates.map((row) => ({ row, action: 'create' })),
    ...plan.updates.map((row) => ({ row, action: 'update' })),
  ]
    .sort((a, b) => a.row.line - b.row.line)
    .slice(0, PREVIEW_ROWS)
  return (
    <Box sx={{ my: 2 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 1, flexWrap: 'wrap' }} data-testid="import-summary">
        <Chip color="success" label={translate('hub.import.toCreate', { smart_count: plan.creates.length })} />
        <Chip color="info" label={translate('hub.import.toUpdate', { smart_count: plan.updates.length })} />
        <Chip
          color={plan.bad.length ? 'error' : 'default'}
          label={translate('hub.import.bad', { smart_count: plan.bad.length })}
        />
      </Stack>
      {plan.unknownColumns.length ? (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('hub.import.unknownColumn', { columns: plan.unknownColumns.join(', ') })}
        </Alert>
      ) : null}
      {plan.bad.length ? (
        <>
          <Alert severity="error" sx={{ mb: 1 }}>
            {translate('hub.import.fixFirst')}
          </Alert>
          <Table size="small" data-testid="import-bad-rows" aria-label={translate('hub.import.failed')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('hub.import.row')}</TableCell>
                <TableCell>{translate('hub.import.reasons')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.bad.slice(0, PREVIEW_ROWS).map((bad) => (
                <TableRow key={bad.line}>
                  <TableCell>{bad.line}</TableCell>
                  <TableCell>{bad.reasons.map((reason) => reasonText(reason, translate)).join('；')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {plan.bad.length > PREVIEW_ROWS ? (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('hub.import.more', { smart_count: plan.bad.length - PREVIEW_ROWS })}
            </Typography>
          ) : null}
        </>
      ) : null}
      {preview.length ? (
        <Table size="small" aria-label={translate('hub.import.preview')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('hub.import.row')}</TableCell>
              <TableCell>{translate('hub.import.action')}</TableCell>
              <TableCell>{translate('resources.divisions.fields.nameZh')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.map(({ row, action }) => (
              <TableRow key={row.line}>
                <TableCell>{row.line}</TableCell>
                <TableCell>{translate(`hub.import.${action}`)}</TableCell>
                <TableCell>{String(row.data.nameZh ?? row.id ?? '')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Box>
  )
}
