import { DateField, ReferenceField, SelectField, TextField } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { FigureField } from '../common/FigureField.tsx'
import { RelatedList } from '../common/RelatedList.tsx'
import { RecordShow } from '../common/show.tsx'
import { SupportingParks } from './SupportingParks.tsx'

export default function SettlementShow() {
  return (
    <RecordShow
      summary={[
        <ReferenceField key="divisionId" source="divisionId" reference="divisions" link="show" />,
        <FigureField key="relocatedPopulation" source="relocatedPopulation" />,
        <FigureField key="households" source="households" />,
        <FigureField key="elderly" source="elderly" />,
        <FigureField key="children" source="children" />,
        <FigureField key="leftBehindElderly" source="leftBehindElderly" />,
        <DateField key="openedOn" source="openedOn" emptyText="—" />,
      ]}
      related={[
        <RelatedList key="communities" label="hub.related.communities" reference="communities" target="settlementId">
          <TextField source="nameZh" />
          <FigureField source="relocatedPopulation" />
          <FigureField source="households" />
        </RelatedList>,
        <RelatedList key="schools" label="hub.related.schools" reference="schools" target="settlementId">
          <TextField source="nameZh" />
          <SelectField source="stage" choices={enumChoices('SchoolStage')} />
          <FigureField source="seats" />
        </RelatedList>,
        <RelatedList
          key="careFacilities"
          label="hub.related.careFacilities"
          reference="careFacilities"
          target="settlementId"
        >
          <TextField source="nameZh" />
          <SelectField source="kind" choices={enumChoices('CareFacilityKind')} />
          <FigureField source="peopleServed" />
        </RelatedList>,
        <SupportingParks key="supportingParks" label="hub.related.supportingParks" />,
      ]}
    />
  )
}
