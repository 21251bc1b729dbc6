// The whole audit trail (admins): who changed what, when and why, filtered by record type, actor
// and days; a row opens to show the fields it changed.
import { Chip } from '@mui/material'
import {
  Datagrid,
  DateField,
  DateInput,
  FunctionField,
  List,
  NumberField,
  Pagination,
  RecordContextProvider,
  ReferenceField,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin'
import { ActorText, ChangesTable } from '../common/history.tsx'
import { useRecordTypeChoices } from '../common/recordTypes.ts'
import type { AuditEvent } from '../providers/dataProvider.ts'
import { resourceOfType } from '../providers/resources.ts'

type Row = AuditEvent & { recordType: string; recordId: string }

/** The changed record's name, linked to its page (empty once it is in the trash or purged). */
function RecordLink() {
  const event = useRecordContext<Row>()
  const translate = useTranslate()
  const reference = event && resourceOfType(event.recordType)
  if (!event || !reference) return null
  return (
    <RecordContextProvider value={{ id: event.id, target: event.recordId }}>
      <ReferenceField source="target" reference={reference} link="show" emptyText={translate('hub.audit.gone')} />
    </RecordContextProvider>
  )
}

function Changes() {
  const event = useRecordContext<Row>()
  const resource = event && resourceOfType(event.recordType)
  if (!event || !resource) return null
  return <ChangesTable resource={resource} changes={event.changes} />
}

export default function AuditEventList() {
  const translate = useTranslate()
  const filters = [
    <SelectInput
      key="recordType"
      source="recordType"
      choices={useRecordTypeChoices()}
      translateChoice={false}
      alwaysOn
    />,
    <TextInput key="actorName" source="actorName" alwaysOn />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="to" source="to" alwaysOn />,
  ]
  return (
    <List
      filters={filters}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      exporter={false}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    >
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<Changes />}>
        <DateField source="at" showTime sortable={false} />
        <FunctionField source="actorName" sortable={false} render={(event: Row) => <ActorText event={event} />} />
        <FunctionField
          source="action"
          sortable={false}
          render={(event: Row) => <Chip size="small" label={translate(`enums.AuditAction.${event.action}`)} />}
        />
        <FunctionField
          source="recordType"
          sortable={false}
          render={(event: Row) => translate(`resources.${resourceOfType(event.recordType)}.name`, { smart_count: 1 })}
        />
        <FunctionField source="recordId" sortable={false} render={() => <RecordLink />} />
        <NumberField source="version" sortable={false} />
        <TextField source="reason" sortable={false} emptyText="—" />
        <FunctionField
          source="changes"
          sortable={false}
          render={(event: Row) => {
            const resource = resourceOfType(event.recordType)
            return Object.keys(event.changes ?? {})
              .map((field) => translate(`resources.${resource}.fields.${field}`, { _: field }))
              .join('、')
          }}
        />
      </Datagrid>
    </List>
  )
}
