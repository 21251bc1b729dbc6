// Locks a reporting period for a division and everything beneath it (none chosen: every division).
// The hub refuses it while changes to that period are still in review, naming the sets.
import { Create, NumberInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin'
import { ReferencePicker } from '../common/inputs.tsx'

const QUARTERS = [1, 2, 3, 4].map((quarter) => ({ id: quarter, name: `Q${quarter}` }))

export default function PeriodLockCreate() {
  return (
    <Create redirect="list" mutationMode="pessimistic" title="hub.periodLocks.lock">
      <SimpleForm noValidate defaultValues={{ year: new Date().getFullYear() - 1 }}>
        <ReferencePicker source="divisionId" reference="divisions" helperText="hub.periodLocks.divisionHelp" />
        <NumberInput source="year" validate={required()} min={1949} max={2100} />
        <SelectInput source="quarter" choices={QUARTERS} emptyText="hub.periodLocks.wholeYear" />
        <TextInput source="reason" multiline fullWidth inputProps={{ maxLength: 1000 }} />
      </SimpleForm>
    </Create>
  )
}
