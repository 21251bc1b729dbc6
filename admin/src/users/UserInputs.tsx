// An operator account's fields, shared by create and edit: on create a password is required, on
// edit a new one resets it, and the account can be disabled.
import { BooleanInput, minLength, PasswordInput, regex, required, SelectInput, TextInput } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { ReferencePicker, Row } from '../common/inputs.tsx'

const USERNAME = regex(/^[\w.@-]{3,64}$/, 'hub.users.usernameRule')

export default function UserInputs({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <>
      <Row>
        <TextInput source="username" validate={[required(), USERNAME]} autoComplete="off" />
        <TextInput source="displayName" />
      </Row>
      <Row>
        <SelectInput source="role" choices={enumChoices('Role')} validate={required()} />
        <ReferencePicker source="divisionId" reference="divisions" helperText="hub.users.scopeHelp" />
      </Row>
      {mode === 'create' ? (
        <PasswordInput source="password" validate={[required(), minLength(10)]} autoComplete="new-password" />
      ) : (
        <>
          <PasswordInput
            source="password"
            label="hub.users.newPassword"
            helperText="hub.users.newPasswordHelp"
            validate={minLength(10)}
            autoComplete="new-password"
          />
          <BooleanInput source="disabled" helperText="hub.users.disabledHelp" />
        </>
      )}
    </>
  )
}
