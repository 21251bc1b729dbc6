import { DateInput } from 'react-admin'
import { CountInput, DivisionPicker, LocationInputs, NameInputs, ReferencePicker, Row } from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'Community'

export default function CommunityInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <DivisionPicker type={T} />
        <ReferencePicker source="settlementId" reference="settlements" validate={rule(T, 'settlementId')} />
        <DateInput source="openedOn" validate={rule(T, 'openedOn')} />
      </Row>
      <Row>
        <CountInput source="relocatedPopulation" type={T} />
        <CountInput source="households" type={T} />
        <CountInput source="elderly" type={T} />
        <CountInput source="children" type={T} />
        <CountInput source="leftBehindElderly" type={T} />
      </Row>
      <LocationInputs type={T} />
    </>
  )
}
