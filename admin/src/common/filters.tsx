// Filter inputs the lists share. Sources name the API's conventions: `q` is `search`,
// `withinDivision` the division subtree, `<field>_gte`/`_lte` the bounds of a range.
import { DateInput, NumberInput, SearchInput, SelectInput } from 'react-admin'
import { inputMeta } from '../providers/rules.ts'
import { enumChoices } from './enums.ts'
import { ReferencePicker } from './inputs.tsx'

/** The API's `search` takes no more than the longest name it looks in (it refuses longer text). */
export function searchFilter(type: string) {
  const longest = Math.max(...['nameZh', 'nameEn'].map((name) => inputMeta(`${type}CreateInput`, name)?.maxLength ?? 0))
  return <SearchInput key="q" source="q" alwaysOn inputProps={{ maxLength: longest || undefined }} />
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
