import { DateInput, TextArrayInput, TextInput } from 'react-admin'
import { CountInput, DivisionPicker, EnumInput, LocationInputs, NameInputs, Row } from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'Hospital'

export default function HospitalInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <DivisionPicker type={T} />
        <EnumInput source="role" enumName="HospitalRole" type={T} />
        <TextInput source="grade" validate={rule(T, 'grade')} />
        <TextInput source="contactPhone" validate={rule(T, 'contactPhone')} />
      </Row>
      <Row>
        <CountInput source="plannedBeds" type={T} />
        <CountInput source="openBeds" type={T} />
        <CountInput source="advancedTechniques" type={T} />
        <CountInput source="newTechniques" type={T} />
        <CountInput source="patientsReturned" type={T} />
      </Row>
      <TextArrayInput source="specialtyCentres" validate={rule(T, 'specialtyCentres')} fullWidth />
      <Row>
        <TextInput source="managingInstitution" validate={rule(T, 'managingInstitution')} />
        <DateInput source="managedSince" validate={rule(T, 'managedSince')} />
        <DateInput source="openedOn" validate={rule(T, 'openedOn')} />
      </Row>
      <LocationInputs type={T} />
    </>
  )
}
