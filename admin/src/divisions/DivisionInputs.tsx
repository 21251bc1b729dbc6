import { TextInput } from 'react-admin'
import { EnumInput, LocationInputs, NameInputs, ReferencePicker, Row } from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'Division'

export default function DivisionInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <TextInput source="code" validate={rule(T, 'code')} />
        <EnumInput source="level" enumName="DivisionLevel" type={T} />
        <ReferencePicker source="parentId" reference="divisions" validate={rule(T, 'parentId')} />
      </Row>
      <LocationInputs type={T} />
    </>
  )
}
