// The author's change sets: awaiting review, returned with the reviewer's reason, or being drafted
// (approved and withdrawn ones too, when asked for). Open one to amend, resubmit or withdraw it.
import { Chip } from '@mui/material'
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  type RaRecord,
  SelectInput,
  TextField,
  useTranslate,
} from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { STATUS_COLOURS } from '../governance/status.ts'

const filters = [<SelectInput key="status" source="status" choices={enumChoices('ChangeSetStatus')} alwaysOn />]

function StatusChip({ record }: { record: RaRecord }) {
  const translate = useTranslate()
  return (
    <Chip
      size="small"
      color={STATUS_COLOURS[record.status] ?? 'default'}
      label={translate(`enums.ChangeSetStatus.${record.status}`)}
    />
  )
}

export default function MyChangesList() {
  return (
    <List filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField source="status" render={(record) => <StatusChip record={record} />} />
        <DateField source="updatedAt" showTime />
        <TextField source="note" emptyText="—" sortable={false} />
        <NumberField source="changeCount" sortable={false} />
        <TextField source="reviewerName" emptyText="—" sortable={false} />
        <TextField source="reviewReason" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  )
}
