import { DateInput, TextArrayInput, TextInput } from 'react-admin'
import {
  CountInput,
  DecimalInput,
  DivisionPicker,
  LocationInputs,
  NameInputs,
  ReferencePicker,
  Row,
} from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'Enterprise'

export default function EnterpriseInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <DivisionPicker type={T} />
        <ReferencePicker source="parkId" reference="industrialParks" validate={rule(T, 'parkId')} />
        <ReferencePicker source="communityId" reference="communities" validate={rule(T, 'communityId')} />
      </Row>
      <Row>
        <TextInput source="sector" validate={rule(T, 'sector')} />
        <DateInput source="openedOn" validate={rule(T, 'openedOn')} />
      </Row>
      <Row>
        <CountInput source="employees" type={T} />
        <CountInput source="jobCapacity" type={T} />
        <CountInput source="productionLines" type={T} />
        <DecimalInput source="averageMonthlyWage" type={T} />
        <DecimalInput source="annualOutputAtFull" type={T} />
      </Row>
      <TextArrayInput source="products" validate={rule(T, 'products')} fullWidth />
      <TextArrayInput source="markets" validate={rule(T, 'markets')} fullWidth />
      <LocationInputs type={T} />
    </>
  )
}
