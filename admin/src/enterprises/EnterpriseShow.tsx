import { DateField, ReferenceField, TextField } from 'react-admin'
import { FigureField } from '../common/FigureField.tsx'
import { ListTextField } from '../common/ListTextField.tsx'
import { RecordShow } from '../common/show.tsx'

export default function EnterpriseShow() {
  return (
    <RecordShow
      summary={[
        <ReferenceField key="divisionId" source="divisionId" reference="divisions" link="show" />,
        <ReferenceField key="parkId" source="parkId" reference="industrialParks" link="show" emptyText="—" />,
        <ReferenceField key="communityId" source="communityId" reference="communities" link="show" emptyText="—" />,
        <TextField key="sector" source="sector" emptyText="—" />,
        <FigureField key="employees" source="employees" />,
        <FigureField key="jobCapacity" source="jobCapacity" />,
        <FigureField key="productionLines" source="productionLines" />,
        <FigureField key="averageMonthlyWage" source="averageMonthlyWage" />,
        <FigureField key="annualOutputAtFull" source="annualOutputAtFull" />,
        <ListTextField key="products" source="products" />,
        <ListTextField key="markets" source="markets" />,
        <DateField key="openedOn" source="openedOn" emptyText="—" />,
      ]}
    />
  )
}
