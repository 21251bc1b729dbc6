// Create and edit pages around one shared set of inputs: they save pessimistically at the version
// the operator loaded, show server errors beside their fields, take a reason for the audit trail,
// and explain a conflicting change in a dialog. (Loaded with the form, not with the lists.)
import { LinearProgress } from '@mui/material'
import { type ComponentType, type ReactNode, useEffect, useState } from 'react'
import {
  Create,
  Edit,
  type RaRecord,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  type UpdateParams,
  useNotify,
  useRecordContext,
  useRedirect,
  useResourceContext,
  useSaveContext,
} from 'react-admin'
import { useFormContext } from 'react-hook-form'
import { editable } from '../governance/reading.ts'
import { useReading } from '../governance/useReading.ts'
import { ChangedWarning } from '../live/ChangedWarning.tsx'
import { conflictOf } from '../providers/graphql.ts'
import { issuesOf } from '../quality/data.ts'
import { useMayChange } from './access.ts'
import { type Conflict, ConflictDialog } from './ConflictDialog.tsx'
import { useShortcut } from './shortcuts.tsx'
import { TrashButton } from './trash.tsx'

/** Why the change is made, kept in the audit trail (optional). */
export function ReasonInput() {
  return (
    <TextInput
      source="reason"
      label="hub.audit.reason"
      helperText="hub.audit.reasonHelp"
      multiline
      fullWidth
      inputProps={{ maxLength: 1000 }}
    />
  )
}

/** Save, and delete (to the trash, at the version loaded; only where the operator may). */
function EditToolbar() {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      <TrashButton />
    </Toolbar>
  )
}

/** Ctrl+S (⌘S) saves the form, in its inputs too — never while an input method is composing. */
function SaveShortcut() {
  const form = useFormContext()
  const { save } = useSaveContext()
  useShortcut('mod+s', () => void form.handleSubmit((values) => save?.(values))(), { enableOnFormTags: true })
  return null
}

/**
 * The form only for a record the operator may change: a scoped editor who opens another county's
 * record (a link, a typed address) is sent to its page instead, with the reason.
 */
function EditableOnly({ children }: { children: ReactNode }) {
  const record = useRecordContext()
  const resource = useResourceContext() as string
  const mayChange = useMayChange(resource)
  const redirect = useRedirect()
  const notify = useNotify()
  const changing = editable(useReading())
  const allowed = record ? mayChange('edit', record) && changing : undefined
  const decided = record !== undefined && (allowed || mayChange('show', record))
  useEffect(() => {
    if (record && decided && !allowed) {
      notify(changing ? 'hub.errors.outsideScope' : 'hub.reading.readOnly', { type: 'warning' })
      redirect('show', resource, record.id)
    }
  }, [record, decided, allowed, changing, notify, redirect, resource])
  if (!allowed) return <LinearProgress aria-label="…" sx={{ m: 2 }} />
  return <>{children}</>
}

/**
 * After a save: the record's page, with a notice of its quality warnings if it has any; otherwise,
 * with review on, that the change waits in a change set (the record then has `pendingChanges`).
 */
function useSaved(kind: 'created' | 'updated') {
  const notify = useNotify()
  const redirect = useRedirect()
  const resource = useResourceContext() as string
  return (data: RaRecord) => {
    const pending = Array.isArray(data?.pendingChanges) && data.pendingChanges.length > 0
    const warnings = issuesOf(data).length
    // Quality warnings first: the save went through, but the operator should look again.
    if (warnings > 0) notify('quality.savedWithWarnings', { type: 'warning', messageArgs: { smart_count: warnings } })
    else {
      notify(pending ? 'hub.review.savedForReview' : `ra.notification.${kind}`, {
        type: 'info',
        messageArgs: { smart_count: 1 },
      })
    }
    redirect('show', resource, data.id)
  }
}

/**
 * An edit page that saves at the version it loaded; when someone else saved first (CONFLICT) it
 * shows the conflict dialog instead of a bare error.
 */
function HubEdit({ Inputs }: { Inputs: ComponentType }) {
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const notify = useNotify()
  const onSuccess = useSaved('updated')
  const onError = (error: unknown, variables: Partial<UpdateParams>) => {
    const info = conflictOf(error)
    if (info) {
      setConflict({ info, data: variables.data ?? {}, previousData: variables.previousData as RaRecord })
      return
    }
    // As react-admin does: field errors show beside their inputs (and in the form's own notice).
    const fieldErrors = (error as { body?: { errors?: object } }).body?.errors
    if (!fieldErrors || !Object.keys(fieldErrors).length) {
      notify((error as Error).message || 'ra.notification.http_error', {
        type: 'error',
        messageArgs: { _: (error as Error).message },
      })
    }
  }
  return (
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError, onSuccess }}>
      <EditableOnly>
        <SimpleForm toolbar={<EditToolbar />} noValidate>
          <SaveShortcut />
          <ChangedWarning />
          <Inputs />
          <ReasonInput />
          {conflict ? (
            <ConflictDialog conflict={conflict} onClose={() => setConflict(null)} onConflict={setConflict} />
          ) : null}
        </SimpleForm>
      </EditableOnly>
    </Edit>
  )
}

function HubCreate({ Inputs }: { Inputs: ComponentType }) {
  const onSuccess = useSaved('created')
  return (
    <Create redirect="show" mutationMode="pessimistic" mutationOptions={{ onSuccess }}>
      <SimpleForm noValidate>
        <SaveShortcut />
        <Inputs />
      </SimpleForm>
    </Create>
  )
}

/** Create and edit pages around one shared set of inputs. */
export function formPages(Inputs: ComponentType) {
  return {
    create: () => <HubCreate Inputs={Inputs} />,
    edit: () => <HubEdit Inputs={Inputs} />,
  }
}
