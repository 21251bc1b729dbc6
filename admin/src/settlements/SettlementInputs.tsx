import { DateInput } from 'react-admin'
import { CountInput, DivisionPicker, LocationInputs, NameInputs, Row } from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'Settlement'

export default function SettlementInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <DivisionPicker type={T} />
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
