import { ArrayInput, DateInput, NumberInput, SimpleFormIterator, TextArrayInput, TextInput } from 'react-admin'
import {
  CountInput,
  DecimalInput,
  DivisionPicker,
  EnumInput,
  LocationInputs,
  NameInputs,
  ReferencePicker,
  Row,
} from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'CareFacility'
const PRICE = 'CarePriceInput'

export default function CareFacilityInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <DivisionPicker type={T} />
        <EnumInput source="kind" enumName="CareFacilityKind" type={T} />
        <EnumInput source="targetGroup" enumName="CareTargetGroup" type={T} />
      </Row>
      <Row>
        <ReferencePicker source="settlementId" reference="settlements" validate={rule(T, 'settlementId')} />
        <ReferencePicker source="communityId" reference="communities" validate={rule(T, 'communityId')} />
        <DateInput source="openedOn" validate={rule(T, 'openedOn')} />
      </Row>
      <Row>
        <CountInput source="peopleServed" type={T} />
        <DecimalInput source="floorAreaM2" type={T} />
        <TextInput source="contactPhone" validate={rule(T, 'contactPhone')} />
      </Row>
      <TextArrayInput source="services" validate={rule(T, 'services')} fullWidth />
      <ArrayInput source="prices">
        <SimpleFormIterator inline disableReordering>
          <NumberInput source="minAge" validate={rule(T, 'minAge', PRICE)} step={1} />
          <TextInput source="priceYuan" validate={rule(T, 'priceYuan', PRICE)} inputMode="decimal" />
          <TextInput source="unitZh" validate={rule(T, 'unitZh', PRICE)} />
          <TextInput source="unitEn" validate={rule(T, 'unitEn', PRICE)} />
        </SimpleFormIterator>
      </ArrayInput>
      <LocationInputs type={T} />
    </>
  )
}
