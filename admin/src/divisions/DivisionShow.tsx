import { ReferenceField, SelectField, TextField } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { FigureField } from '../common/FigureField.tsx'
import { RelatedList } from '../common/RelatedList.tsx'
import { RecordShow } from '../common/show.tsx'
import { DivisionMap } from '../map/DivisionMap.tsx'

export default function DivisionShow() {
  return (
    <RecordShow
      summary={[
        <TextField key="code" source="code" emptyText="—" />,
        <SelectField key="level" source="level" choices={enumChoices('DivisionLevel')} />,
        <ReferenceField key="parentId" source="parentId" reference="divisions" link="show" emptyText="—" />,
        <DivisionMap key="map" />,
      ]}
      related={[
        <RelatedList key="children" label="hub.related.children" reference="divisions" target="parentId">
          <TextField source="nameZh" />
          <TextField source="code" />
          <SelectField source="level" choices={enumChoices('DivisionLevel')} />
        </RelatedList>,
        <RelatedList key="settlements" label="hub.related.settlements" reference="settlements" target="withinDivision">
          <TextField source="nameZh" />
          <ReferenceField source="divisionId" reference="divisions" link={false} />
          <FigureField source="relocatedPopulation" />
        </RelatedList>,
        <RelatedList key="hospitals" label="hub.related.hospitals" reference="hospitals" target="withinDivision">
          <TextField source="nameZh" />
          <FigureField source="plannedBeds" />
        </RelatedList>,
        <RelatedList
          key="industrialParks"
          label="hub.related.industrialParks"
          reference="industrialParks"
          target="withinDivision"
        >
          <TextField source="nameZh" />
          <FigureField source="directJobs" />
        </RelatedList>,
        <RelatedList key="indicators" label="hub.related.indicators" reference="indicators" target="divisionId">
          <TextField source="nameZh" />
          <TextField source="code" />
        </RelatedList>,
      ]}
    />
  )
}
