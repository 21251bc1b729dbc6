// Import a CSV file: read it, dry-run it in the browser (the server's rules, division codes and
// names resolved to IDs), show what would be created, updated and refused, then apply row by row.

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
  Typography,
} from '@mui/material'
import Papa from 'papaparse'
import { useState } from 'react'
import {
  Button,
  type HttpError,
  type TranslateFunction,
  useDataProvider,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin'
import { resourceApi } from '../providers/resources.ts'
import { downloadTemplate } from './export.ts'
import { type ImportPlan, type Lookup, type PlannedRow, planImport, type Row } from './plan.ts'

const LOOKUP_BATCH = 100
const CONCURRENCY = 4
const PREVIEW_ROWS = 50

type Phase =
  | { step: 'choose' }
  | { step: 'reading' }
  | { step: 'planned'; plan: ImportPlan; total: number }
  | { step: 'applying'; plan: ImportPlan; done: number }
  | { step: 'finished'; created: number; updated: number; failures: { line: number; message: string }[] }

/** The hub's message (or the console's own words for it, e.g. a conflict) and each field's problem. */
function describeError(error: unknown, translate: TranslateFunction): string {
  const body = (error as HttpError).body as { errors?: Record<string, unknown> } | undefined
  const fields = Object.entries(body?.errors ?? {})
    .filter(([field]) => field !== 'root')
    .map(([field, message]) => `${field}: ${typeof message === 'string' ? message : JSON.stringify(message)}`)
  const message = (error as Error).message
  return [translate(message, { _: message }), ...fields].join('；')
}

export default function ImportDialog({ onClose }: { onClose: () => void }) {
  const resource = useResourceContext() as string
  const translate = useTranslate()
  const dataProvider = useDataProvider()
  const refresh = useRefresh()
  const [phase, setPhase] = useState<Phase>({ step: 'choose' })
  const [fatal, setFatal] = useState<string>()

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

  async function read(file: File) {
    setFatal(undefined)
    setPhase({ step: 'reading' })
    try {
      // File.text() decodes UTF-8; a byte order mark, if any, is dropped here too.
      const text = (await file.text()).replace(/^\uFEFF/, '')
      const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() })
      const headers = parsed.meta.fields ?? []
      if (!parsed.data.length) {
        setFatal(translate('hub.import.empty'))
        setPhase({ step: 'choose' })
        return
      }
      const plan = await planImport(hubSchema, resourceApi(resource), parsed.data, headers, lookup)
      setPhase({ step: 'planned', plan, total: parsed.data.length })
    } catch (error) {
      setFatal((error as Error).message)
      setPhase({ step: 'choose' })
    }
  }

  async function apply(plan: ImportPlan) {
    const queue: { row: PlannedRow; update: boolean }[] = [
      ...plan.creates.map((row) => ({ row, update: false })),
      ...plan.updates.map((row) => ({ row, update: true })),
    ]
    let done = 0
    let created = 0
    let updated = 0
    const failures: { line: number; message: string }[] = []
    setPhase({ step: 'applying', plan, done })
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const { row, update } = item
        try {
          if (update) {
            await dataProvider.update(resource, {
              id: row.id as string,
              data: row.data,
              previousData: { id: row.id as string, version: row.version },
            })
            updated++
          } else {
            await dataProvider.create(resource, { data: row.data })
            created++
          }
        } catch (error) {
          failures.push({ line: row.line, message: describeError(error, translate) })
        }
        done++
        setPhase({ step: 'applying', plan, done })
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    failures.sort((a, b) => a.line - b.line)
    setPhase({ step: 'finished', created, updated, failures })
    refresh()
  }

  const name = translate(`resources.${resource}.name`, { smart_count: 2 })
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="import-title">
      <DialogTitle id="import-title">{translate('hub.import.title', { name })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" gutterBottom>
          {translate('hub.import.intro')}
        </Typography>
        <Alert severity="info" sx={{ my: 1 }}>
          {translate('hub.import.notAtomic')}
        </Alert>
        {fatal ? (
          <Alert severity="error" sx={{ my: 1 }}>
            {fatal}
          </Alert>
        ) : null}
        {phase.step === 'choose' || phase.step === 'reading' ? (
          <Stack direction="row" spacing={2} useFlexGap sx={{ my: 2, alignItems: 'center' }}>
            <Button variant="contained" component="label" label="hub.import.choose" disabled={phase.step === 'reading'}>
              <input
                hidden
                type="file"
                accept=".csv,text/csv"
                data-testid="import-file"
                onChange={(event) => {
                  const file = event.target.files?.[0]
                  if (file) void read(file)
                }}
              />
            </Button>
            <Button label="hub.import.template" onClick={() => downloadTemplate(resource)} />
          </Stack>
        ) : null}
        {phase.step === 'reading' ? <LinearProgress aria-label={translate('hub.import.checking')} /> : null}
        {phase.step === 'planned' || phase.step === 'applying' ? <PlanView plan={phase.plan} /> : null}
        {phase.step === 'applying' ? (
          <Box sx={{ my: 2 }}>
            <Typography variant="body2">{translate('hub.import.applying')}</Typography>
            <LinearProgress
              variant="determinate"
              value={(100 * phase.done) / Math.max(1, phase.plan.creates.length + phase.plan.updates.length)}
            />
          </Box>
        ) : null}
        {phase.step === 'finished' ? (
          <Box sx={{ my: 2 }}>
            <Alert severity={phase.failures.length ? 'warning' : 'success'} data-testid="import-result">
              {translate('hub.import.done', {
                created: phase.created,
                updated: phase.updated,
                failed: phase.failures.length,
              })}
            </Alert>
            {phase.failures.length ? (
              <Table size="small" aria-label={translate('hub.import.failed')}>
                <TableBody>
                  {phase.failures.map((failure) => (
                    <TableRow key={failure.line}>
                      <TableCell>{failure.line}</TableCell>
                      <TableCell>{failure.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button label="hub.import.close" onClick={onClose} />
        {phase.step === 'planned' ? (
          <Button
            variant="contained"
            label={translate('hub.import.apply', {
              smart_count: phase.plan.creates.length + phase.plan.updates.length,
            })}
            disabled={!phase.plan.creates.length && !phase.plan.updates.length}
            onClick={() => void apply(phase.plan)}
          />
        ) : null}
      </DialogActions>
    </Dialog>
  )
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
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 1 }} data-testid="import-summary">
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
        <Table size="small" data-testid="import-bad-rows">
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
                <TableCell>
                  {bad.reasons
                    .map((reason) => `${reason.column}: ${translate(reason.problem.message, reason.problem.args)}`)
                    .join('；')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {preview.length ? (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('hub.import.row')}</TableCell>
              <TableCell>{translate('hub.import.action')}</TableCell>
              <TableCell>{translate(`resources.${'divisions'}.fields.nameZh`)}</TableCell>
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
