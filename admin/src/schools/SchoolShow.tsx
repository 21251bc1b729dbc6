import { DateField, ReferenceField, SelectField, TextField } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { FigureField } from '../common/FigureField.tsx'
import { RecordShow } from '../common/show.tsx'

export default function SchoolShow() {
  return (
    <RecordShow
      summary={[
        <ReferenceField key="divisionId" source="divisionId" reference="divisions" link="show" />,
        <SelectField key="stage" source="stage" choices={enumChoices('SchoolStage')} />,
        <FigureField key="seats" source="seats" />,
        <ReferenceField key="settlementId" source="settlementId" reference="settlements" link="show" emptyText="—" />,
        <DateField key="openedOn" source="openedOn" emptyText="—" />,
        <TextField key="contactPhone" source="contactPhone" emptyText="—" />,
      ]}
    />
  )
}
