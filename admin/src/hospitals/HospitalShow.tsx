import { DateField, ReferenceField, SelectField, TextField } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import { FigureField } from '../common/FigureField.tsx'
import { ListTextField } from '../common/ListTextField.tsx'
import { RecordShow } from '../common/show.tsx'

export default function HospitalShow() {
  return (
    <RecordShow
      summary={[
        <ReferenceField key="divisionId" source="divisionId" reference="divisions" link="show" />,
        <SelectField key="role" source="role" choices={enumChoices('HospitalRole')} />,
        <TextField key="grade" source="grade" emptyText="—" />,
        <TextField key="contactPhone" source="contactPhone" emptyText="—" />,
        <FigureField key="plannedBeds" source="plannedBeds" />,
        <FigureField key="openBeds" source="openBeds" />,
        <FigureField key="advancedTechniques" source="advancedTechniques" />,
        <FigureField key="newTechniques" source="newTechniques" />,
        <FigureField key="patientsReturned" source="patientsReturned" />,
        <ListTextField key="specialtyCentres" source="specialtyCentres" />,
        <TextField key="managingInstitution" source="managingInstitution" emptyText="—" />,
        <DateField key="managedSince" source="managedSince" emptyText="—" />,
        <DateField key="openedOn" source="openedOn" emptyText="—" />,
      ]}
    />
  )
}
