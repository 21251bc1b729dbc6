// Create and edit pages of an operator account (no versions or history: accounts are not records).
import { Create, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin'
import UserInputs from './UserInputs.tsx'

export function UserCreate() {
  return (
    <Create redirect="list" mutationMode="pessimistic">
      <SimpleForm defaultValues={{ role: 'EDITOR' }} noValidate>
        <UserInputs mode="create" />
      </SimpleForm>
    </Create>
  )
}

export function UserEdit() {
  return (
    <Edit redirect="list" mutationMode="pessimistic" actions={false}>
      {/* Accounts are disabled, never deleted: their changes stay attributed in the audit trail. */}
      <SimpleForm
        noValidate
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <UserInputs mode="edit" />
      </SimpleForm>
    </Edit>
  )
}
