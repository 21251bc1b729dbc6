import { TextInput } from 'react-admin'
import { DivisionPicker, EnumInput, LocationInputs, NameInputs, Row } from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'Division'

export default function DivisionInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <TextInput source="code" validate={rule(T, 'code')} />
        <EnumInput source="level" enumName="DivisionLevel" type={T} />
        <DivisionPicker type={T} source="parentId" />
      </Row>
      <LocationInputs type={T} />
    </>
  )
}
