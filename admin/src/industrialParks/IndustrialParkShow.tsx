import { ChipField, DateField, ReferenceArrayField, ReferenceField, SingleFieldList, TextField } from 'react-admin'
import { FigureField } from '../common/FigureField.tsx'
import { RelatedList } from '../common/RelatedList.tsx'
import { RecordShow } from '../common/show.tsx'

export default function IndustrialParkShow() {
  return (
    <RecordShow
      summary={[
        <ReferenceField key="divisionId" source="divisionId" reference="divisions" link="show" />,
        <TextField key="managingBody" source="managingBody" emptyText="—" />,
        <FigureField key="phase" source="phase" />,
        <FigureField key="areaMu" source="areaMu" />,
        <FigureField key="directJobs" source="directJobs" />,
        <FigureField key="settledEnterprises" source="settledEnterprises" />,
        <DateField key="openedOn" source="openedOn" emptyText="—" />,
        <ReferenceArrayField key="supportedSettlementIds" source="supportedSettlementIds" reference="settlements">
          <SingleFieldList linkType="show">
            <ChipField source="nameZh" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>,
      ]}
      related={[
        <RelatedList key="enterprises" label="hub.related.enterprises" reference="enterprises" target="parkId">
          <TextField source="nameZh" />
          <TextField source="sector" />
          <FigureField source="employees" />
          <FigureField source="jobCapacity" />
        </RelatedList>,
      ]}
    />
  )
}
