// Filter inputs the lists share. Sources name the API's conventions: `q` is `search`,
// `withinDivision` the division subtree, `<field>_gte`/`_lte` the bounds of a range.
import { DateInput, NumberInput, SearchInput, SelectInput } from 'react-admin'
import { enumChoices } from './enums.ts'
import { ReferencePicker } from './inputs.tsx'

/** The API's `search` looks in names, which hold at most 200 characters; it refuses longer text. */
const SEARCH_MAX_LENGTH = 200

export function searchFilter() {
  return <SearchInput key="q" source="q" alwaysOn inputProps={{ maxLength: SEARCH_MAX_LENGTH }} />
}

export function divisionFilter() {
  return <ReferencePicker key="withinDivision" source="withinDivision" reference="divisions" alwaysOn />
}

export function enumFilter(source: string, enumName: string, alwaysOn = false) {
  return <SelectInput key={source} source={source} choices={enumChoices(enumName)} alwaysOn={alwaysOn} />
}

export function referenceFilter(source: string, reference: string) {
  return <ReferencePicker key={source} source={source} reference={reference} />
}

/** `field_gte` and `field_lte` for each numeric field. */
export function rangeFilters(...fields: string[]) {
  return fields.flatMap((field) => [
    <NumberInput key={`${field}_gte`} source={`${field}_gte`} min={0} />,
    <NumberInput key={`${field}_lte`} source={`${field}_lte`} min={0} />,
  ])
}

export function dateFilters(field: string) {
  return [
    <DateInput key={`${field}_gte`} source={`${field}_gte`} />,
    <DateInput key={`${field}_lte`} source={`${field}_lte`} />,
  ]
}
