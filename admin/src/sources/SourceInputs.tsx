import { DateInput, TextInput } from 'react-admin'
import { LocationInputs, NameInputs, Row } from '../common/inputs.tsx'
import { rule } from '../providers/rules.ts'

const T = 'Source'

export default function SourceInputs() {
  return (
    <>
      <NameInputs type={T} />
      <Row>
        <TextInput source="publisher" validate={rule(T, 'publisher')} />
        <DateInput source="publishedOn" validate={rule(T, 'publishedOn')} />
      </Row>
      <Row>
        <TextInput source="url" validate={rule(T, 'url')} type="url" sx={{ flex: 2 }} />
        <TextInput source="file" validate={rule(T, 'file')} sx={{ flex: 1 }} />
      </Row>
      <LocationInputs type={T} />
    </>
  )
}
