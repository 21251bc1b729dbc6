import { ArrayField, Datagrid, NumberField, ReferenceField, SelectField, TextField } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { RecordShow } from '../common/show.tsx'
import { LatestValueField } from './LatestValueField.tsx'
import { ObservationCitations } from './ObservationCitations.tsx'

export default function IndicatorShow() {
  return (
    <RecordShow
      summary={[
        <TextField key="code" source="code" />,
        <ReferenceField key="divisionId" source="divisionId" reference="divisions" link="show" />,
        <TextField key="unitZh" source="unitZh" />,
        <TextField key="unitEn" source="unitEn" emptyText="—" />,
        <SelectField key="scale" source="scale" choices={enumChoices('UnitScale')} emptyText="—" />,
        <LatestValueField key="latest" source="latest" />,
        <ArrayField key="observations" source="observations">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<span>—</span>}>
            <SelectField source="periodKind" choices={enumChoices('PeriodKind')} />
            <NumberField source="year" options={{ useGrouping: false }} />
            <NumberField source="quarter" />
            <TextField source="value" />
            <NumberField source="provincialRank" />
            <SelectField source="status" choices={enumChoices('ObservationStatus')} />
          </Datagrid>
        </ArrayField>,
        <ObservationCitations key="observationCitations" label="hub.tabs.citations" />,
      ]}
    />
  )
}
