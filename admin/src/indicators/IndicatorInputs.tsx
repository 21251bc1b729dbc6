import { ArrayInput, FormDataConsumer, NumberInput, SelectInput, SimpleFormIterator, TextInput } from 'react-admin'
import { useWatch } from 'react-hook-form'
import { enumChoices } from '../common/enums.ts'
import { DivisionPicker, LocationInputs, NameInputs, Row } from '../common/inputs.tsx'
import { LockedPeriodsNotice } from '../governance/LockedPeriods.tsx'
import { lockOver } from '../governance/periods.ts'
import { useLocksOver } from '../governance/useLocks.ts'
import { rule } from '../providers/rules.ts'

const T = 'Indicator'
const OBSERVATION = 'IndicatorObservationInput'

/** The series; the observations of a locked reporting period are read-only, with the lock's words. */
function Observations() {
  const divisionId = useWatch({ name: 'divisionId' }) as string | null | undefined
  const locks = useLocksOver(divisionId)
  return (
    <>
      <LockedPeriodsNotice locks={locks} />
      <ArrayInput source="observations">
        <SimpleFormIterator inline disableReordering>
          <FormDataConsumer>
            {({ scopedFormData }) => {
              const readOnly = Boolean(lockOver(locks, scopedFormData?.year, scopedFormData?.quarter))
              return (
                <>
                  <SelectInput
                    source="periodKind"
                    choices={enumChoices('PeriodKind')}
                    validate={rule(T, 'periodKind', OBSERVATION)}
                    readOnly={readOnly}
                  />
                  <NumberInput source="year" validate={rule(T, 'year', OBSERVATION)} step={1} readOnly={readOnly} />
                  <NumberInput
                    source="quarter"
                    validate={rule(T, 'quarter', OBSERVATION)}
                    step={1}
                    readOnly={readOnly}
                  />
                  <TextInput
                    source="value"
                    validate={rule(T, 'value', OBSERVATION)}
                    inputMode="decimal"
                    readOnly={readOnly}
                  />
                  <NumberInput
                    source="provincialRank"
                    validate={rule(T, 'provincialRank', OBSERVATION)}
                    step={1}
                    readOnly={readOnly}
                  />
                  <SelectInput
                    source="status"
                    choices={enumChoices('ObservationStatus')}
                    validate={rule(T, 'status', OBSERVATION)}
                    readOnly={readOnly}
                  />
                </>
              )
            }}
          </FormDataConsumer>
        </SimpleFormIterator>
      </ArrayInput>
    </>
  )
}

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
      <Observations />
      <LocationInputs type={T} />
    </>
  )
}
