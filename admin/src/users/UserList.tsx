import { Chip } from '@mui/material'
import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin'
import { enumChoices } from '../common/enums.ts'

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={enumChoices('Role')} alwaysOn />,
]

export default function UserList() {
  const translate = useTranslate()
  return (
    <List
      filters={filters}
      sort={{ field: 'username', order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="username" />
        <TextField source="displayName" emptyText="—" />
        <SelectField source="role" choices={enumChoices('Role')} />
        <ReferenceField
          source="divisionId"
          reference="divisions"
          link={false}
          sortable={false}
          emptyText={translate('hub.users.wholeHub')}
        />
        <DateField source="lastLoginAt" showTime emptyText="—" />
        <FunctionField
          source="disabled"
          render={(user: { disabled: boolean }) => (
            <Chip
              size="small"
              color={user.disabled ? 'default' : 'success'}
              label={translate(user.disabled ? 'hub.users.statusDisabled' : 'hub.users.statusActive')}
            />
          )}
        />
        <DateField source="createdAt" />
      </Datagrid>
    </List>
  )
}
