import { DateInput, TextInput } from 'react-admin'
import {
  CountInput,
  DecimalInput,
  DivisionPicker,
  LocationInputs,
  NameInputs,
  ReferencesPicker,
  Row,
} from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'IndustrialPark'

export default function IndustrialParkInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <DivisionPicker type={T} />
        <TextInput source="managingBody" validate={rule(T, 'managingBody')} />
        <DateInput source="openedOn" validate={rule(T, 'openedOn')} />
      </Row>
      <Row>
        <CountInput source="phase" type={T} />
        <DecimalInput source="areaMu" type={T} />
        <CountInput source="directJobs" type={T} />
        <CountInput source="settledEnterprises" type={T} />
      </Row>
      <ReferencesPicker source="supportedSettlementIds" reference="settlements" />
      <LocationInputs type={T} />
    </>
  )
}
