// Bulk edit: set one field of the selected records to one value, with one reason. The hub writes it
// through importRecords — each row at the version the list showed, one audit event each, all rows
// in one transaction or none — and reports each row it refused (someone changed it meanwhile,
// outside the operator's division, a value the database refuses).
import hubSchema from 'virtual:hub-schema'
import EditIcon from '@mui/icons-material/EditNote'
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  useMediaQuery,
  useTheme,
} from '@mui/material'
import { useState } from 'react'
import {
  BooleanInput,
  Button,
  DateInput,
  Form,
  NumberInput,
  type RaRecord,
  SaveButton,
  SelectInput,
  TextInput,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useResourceContext,
  useTranslate,
  useUnselectAll,
} from 'react-admin'
import { useWatch } from 'react-hook-form'
import { runImport } from '../import/network.ts'
import type { ImportRowError } from '../import/report.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { toInput } from '../providers/queries.ts'
import { resourceApi } from '../providers/resources.ts'
import { rule } from '../providers/rules.ts'
import type { FieldMeta } from '../providers/schema-types.ts'
import { useEditScope } from './access.ts'
import { enumChoices } from './enums.ts'
import { ReferencePicker } from './inputs.tsx'
import { TextButton } from './TextButton.tsx'

/** Fields a bulk edit can set: one value for every record (not names, not lists). */
function editableFields(type: string): [string, FieldMeta][] {
  const input = hubSchema.inputs[`${type}UpdateInput`] ?? {}
  return Object.entries(input).filter(
    ([name, meta]) => !meta.list && meta.kind !== 'object' && name !== 'nameZh' && name !== 'nameEn',
  )
}

function ValueInput({ type, field }: { type: string; field: string }) {
  const api = resourceApi(useResourceContext() as string)
  const { division } = useEditScope()
  const meta = hubSchema.inputs[`${type}UpdateInput`]?.[field]
  if (!meta) return null
  const label = `resources.${api.resource}.fields.${field}`
  const props = { source: 'value', label, fullWidth: true }
  const validate = rule(type, field, `${type}UpdateInput`)
  const reference = api.references[field]
  if (reference) {
    const filter = reference === 'divisions' && division ? { withinDivision: division.id } : undefined
    return <ReferencePicker source="value" label={label} reference={reference} validate={validate} filter={filter} />
  }
  if (meta.kind === 'enum') return <SelectInput {...props} choices={enumChoices(meta.type)} validate={validate} />
  switch (meta.type) {
    case 'Int':
    case 'Float':
      return <NumberInput {...props} validate={validate} />
    case 'Date':
      return <DateInput {...props} validate={validate} />
    default:
      return <TextInput {...props} validate={validate} />
  }
}

function Fields({ type }: { type: string }) {
  const resource = useResourceContext() as string
  const field = useWatch({ name: 'field' }) as string | undefined
  const clear = useWatch({ name: 'clear' }) as boolean | undefined
  const meta = field ? hubSchema.inputs[`${type}UpdateInput`]?.[field] : undefined
  const required = Boolean(field && hubSchema.inputs[`${type}CreateInput`]?.[field]?.required)
  return (
    <>
      <SelectInput
        source="field"
        label="hub.bulkEdit.field"
        choices={editableFields(type).map(([name]) => ({ id: name, name: `resources.${resource}.fields.${name}` }))}
        validate={(value: unknown) => (value ? undefined : 'ra.validation.required')}
        fullWidth
      />
      {field && meta ? (
        <>
          {!required ? <BooleanInput source="clear" label="hub.bulkEdit.clear" /> : null}
          {clear ? null : <ValueInput key={field} type={type} field={field} />}
        </>
      ) : null}
      <TextInput source="reason" label="hub.audit.reason" helperText="hub.audit.reasonHelp" multiline fullWidth />
    </>
  )
}

export default function BulkEditButton() {
  const resource = useResourceContext() as string
  const api = resourceApi(resource)
  const { data, selectedIds } = useListContext()
  const dataProvider = useDataProvider<HubDataProvider>()
  const translate = useTranslate()
  const notify = useNotify()
  const refresh = useRefresh()
  const unselectAll = useUnselectAll(resource)
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const [open, setOpen] = useState(false)
  const [refused, setRefused] = useState<{ name: string; message: string }[]>()
  // The records as the operator saw them when opening the dialog: a change made meanwhile (even one
  // the list refreshed to show) is reported as a conflict, not silently overwritten.
  const [selected, setSelected] = useState<RaRecord[]>([])
  const openDialog = () => {
    setSelected((data ?? []).filter((record) => selectedIds.includes(record.id)))
    setRefused(undefined)
    setOpen(true)
  }

  async function submit(values: Record<string, unknown>) {
    const field = String(values.field)
    const value = values.clear
      ? null
      : (toInput(hubSchema, `${api.type}UpdateInput`, { [field]: values.value })[field] ?? null)
    const rows = selected.map((record) => ({ id: record.id, version: record.version, [field]: value }))
    try {
      const report = await runImport(
        dataProvider,
        api,
        { rows, lines: rows.map((_, i) => i + 1) },
        { dryRun: false, reason: typeof values.reason === 'string' ? values.reason : undefined },
      )
      if (report.applied) {
        notify('hub.bulkEdit.done', { type: 'success', messageArgs: { smart_count: report.updated } })
        setOpen(false)
        unselectAll()
        refresh()
        return
      }
      setRefused(
        report.errors.map((error: ImportRowError) => ({
          name: String(selected[error.row - 1]?.nameZh ?? selected[error.row - 1]?.id ?? error.row),
          message: error.message,
        })),
      )
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' })
    }
  }

  return (
    <>
      <Button label="hub.bulkEdit.button" onClick={openDialog}>
        <EditIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        maxWidth="sm"
        fullScreen={phone}
        aria-labelledby="bulk-edit-title"
      >
        <Form onSubmit={submit} noValidate defaultValues={{ clear: false }}>
          <DialogTitle id="bulk-edit-title">
            {translate('hub.bulkEdit.title', { smart_count: selected.length })}
          </DialogTitle>
          <DialogContent>
            <Fields type={api.type} />
            {refused ? (
              <>
                <Alert severity="error" sx={{ my: 1 }} data-testid="bulk-edit-refused">
                  {translate('hub.bulkEdit.refused', { smart_count: refused.length })}
                </Alert>
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('resources.divisions.fields.nameZh')}</TableCell>
                      <TableCell>{translate('hub.import.reasons')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {refused.map((row, index) => (
                      <TableRow key={`${row.name}-${index}`}>
                        <TableCell>{row.name}</TableCell>
                        <TableCell>{row.message}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            ) : null}
          </DialogContent>
          <DialogActions>
            <TextButton label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton
              label={translate('hub.bulkEdit.apply', { smart_count: selected.length })}
              alwaysEnable
              icon={<EditIcon />}
            />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  )
}
