import { DateField, ReferenceField, SelectField, TextField } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { FigureField } from '../common/FigureField.tsx'
import { RelatedList } from '../common/RelatedList.tsx'
import { RecordShow } from '../common/show.tsx'

export default function CommunityShow() {
  return (
    <RecordShow
      summary={[
        <ReferenceField key="divisionId" source="divisionId" reference="divisions" link="show" />,
        <ReferenceField key="settlementId" source="settlementId" reference="settlements" link="show" emptyText="—" />,
        <FigureField key="relocatedPopulation" source="relocatedPopulation" />,
        <FigureField key="households" source="households" />,
        <FigureField key="elderly" source="elderly" />,
        <FigureField key="children" source="children" />,
        <FigureField key="leftBehindElderly" source="leftBehindElderly" />,
        <DateField key="openedOn" source="openedOn" emptyText="—" />,
      ]}
      related={[
        <RelatedList
          key="careFacilities"
          label="hub.related.careFacilities"
          reference="careFacilities"
          target="communityId"
        >
          <TextField source="nameZh" />
          <SelectField source="kind" choices={enumChoices('CareFacilityKind')} />
          <FigureField source="peopleServed" />
        </RelatedList>,
        <RelatedList key="enterprises" label="hub.related.enterprises" reference="enterprises" target="communityId">
          <TextField source="nameZh" />
          <TextField source="sector" />
          <FigureField source="employees" />
        </RelatedList>,
      ]}
    />
  )
}
