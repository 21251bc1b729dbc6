import { DateInput, TextInput } from 'react-admin'
import {
  CountInput,
  DivisionPicker,
  EnumInput,
  LocationInputs,
  NameInputs,
  ReferencePicker,
  Row,
} from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'School'

export default function SchoolInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <DivisionPicker type={T} />
        <EnumInput source="stage" enumName="SchoolStage" type={T} />
        <CountInput source="seats" type={T} />
      </Row>
      <Row>
        <ReferencePicker source="settlementId" reference="settlements" validate={rule(T, 'settlementId')} />
        <DateInput source="openedOn" validate={rule(T, 'openedOn')} />
        <TextInput source="contactPhone" validate={rule(T, 'contactPhone')} />
      </Row>
      <LocationInputs type={T} />
    </>
  )
}
