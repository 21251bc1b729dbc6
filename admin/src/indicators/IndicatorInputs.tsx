import { ArrayInput, NumberInput, SelectInput, SimpleFormIterator, TextInput } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { DivisionPicker, LocationInputs, NameInputs, Row } from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'Indicator'
const OBSERVATION = 'IndicatorObservationInput'

export default function IndicatorInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <TextInput source="code" validate={rule(T, 'code')} />
        <DivisionPicker type={T} />
      </Row>
      <Row>
        <TextInput source="unitZh" validate={rule(T, 'unitZh')} />
        <TextInput source="unitEn" validate={rule(T, 'unitEn')} />
        <SelectInput source="scale" choices={enumChoices('UnitScale')} validate={rule(T, 'scale')} />
      </Row>
      <ArrayInput source="observations">
        <SimpleFormIterator inline disableReordering>
          <SelectInput
            source="periodKind"
            choices={enumChoices('PeriodKind')}
            validate={rule(T, 'periodKind', OBSERVATION)}
          />
          <NumberInput source="year" validate={rule(T, 'year', OBSERVATION)} step={1} />
          <NumberInput source="quarter" validate={rule(T, 'quarter', OBSERVATION)} step={1} />
          <TextInput source="value" validate={rule(T, 'value', OBSERVATION)} inputMode="decimal" />
          <NumberInput source="provincialRank" validate={rule(T, 'provincialRank', OBSERVATION)} step={1} />
          <SelectInput
            source="status"
            choices={enumChoices('ObservationStatus')}
            validate={rule(T, 'status', OBSERVATION)}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <LocationInputs type={T} />
    </>
  )
}
