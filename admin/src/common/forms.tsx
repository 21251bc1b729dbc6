// Create and edit pages around one shared set of inputs: they save pessimistically at the version
// the operator loaded, show server errors beside their fields, take a reason for the audit trail,
// and explain a conflicting change in a dialog. (Loaded with the form, not with the lists.)
import { type ComponentType, useState } from 'react'
import {
  Create,
  DeleteButton,
  Edit,
  type RaRecord,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  type UpdateParams,
  useNotify,
} from 'react-admin'
import { ChangedWarning } from '../live/ChangedWarning.tsx'
import { conflictOf } from '../providers/graphql.ts'
import { type Conflict, ConflictDialog } from './ConflictDialog.tsx'

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

/** Save, and delete (to the trash, at the version loaded; only for roles that may). */
function EditToolbar() {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      <DeleteButton mutationMode="pessimistic" successMessage="hub.trash.moved" />
    </Toolbar>
  )
}

/**
 * An edit page that saves at the version it loaded; when someone else saved first (CONFLICT) it
 * shows the conflict dialog instead of a bare error.
 */
function HubEdit({ Inputs }: { Inputs: ComponentType }) {
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const notify = useNotify()
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
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError }}>
      <SimpleForm toolbar={<EditToolbar />}>
        <ChangedWarning />
        <Inputs />
        <ReasonInput />
        {conflict ? (
          <ConflictDialog conflict={conflict} onClose={() => setConflict(null)} onConflict={setConflict} />
        ) : null}
      </SimpleForm>
    </Edit>
  )
}

/** Create and edit pages around one shared set of inputs. */
export function formPages(Inputs: ComponentType) {
  return {
    create: () => (
      <Create redirect="show" mutationMode="pessimistic">
        <SimpleForm>
          <Inputs />
        </SimpleForm>
      </Create>
    ),
    edit: () => <HubEdit Inputs={Inputs} />,
  }
}
