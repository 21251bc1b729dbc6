import { ArrayField, Datagrid, DateField, NumberField, ReferenceField, SelectField, TextField } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { FigureField } from '../common/FigureField.tsx'
import { ListTextField } from '../common/ListTextField.tsx'
import { RecordShow } from '../common/show.tsx'

export default function CareFacilityShow() {
  return (
    <RecordShow
      summary={[
        <ReferenceField key="divisionId" source="divisionId" reference="divisions" link="show" />,
        <SelectField key="kind" source="kind" choices={enumChoices('CareFacilityKind')} />,
        <SelectField key="targetGroup" source="targetGroup" choices={enumChoices('CareTargetGroup')} />,
        <ReferenceField key="settlementId" source="settlementId" reference="settlements" link="show" emptyText="—" />,
        <ReferenceField key="communityId" source="communityId" reference="communities" link="show" emptyText="—" />,
        <FigureField key="peopleServed" source="peopleServed" />,
        <FigureField key="floorAreaM2" source="floorAreaM2" />,
        <TextField key="contactPhone" source="contactPhone" emptyText="—" />,
        <ListTextField key="services" source="services" />,
        <ArrayField key="prices" source="prices">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<span>—</span>}>
            <NumberField source="minAge" />
            <TextField source="priceYuan" />
            <TextField source="unitZh" />
            <TextField source="unitEn" />
          </Datagrid>
        </ArrayField>,
        <DateField key="openedOn" source="openedOn" emptyText="—" />,
      ]}
    />
  )
}
