// Inputs every record form shares: names side by side, reference pickers with type-ahead, enums
// with Chinese labels, location and note.
import { Stack } from '@mui/material'
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin'
import { rule } from '../providers/rules.ts'
import { useEditScope } from './access.ts'
import { enumChoices } from './enums.ts'

/** Chinese and English names side by side. */
export function NameInputs({ type }: { type: string }) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 0, md: 2 }} useFlexGap sx={{ width: '100%' }}>
      <TextInput source="nameZh" validate={rule(type, 'nameZh')} sx={{ flex: 1 }} />
      <TextInput source="nameEn" validate={rule(type, 'nameEn')} sx={{ flex: 1 }} />
    </Stack>
  )
}

interface ReferencePickerProps {
  source: string
  reference: string
  validate?: Validator
  label?: string
  alwaysOn?: boolean
  /** Only offer records meeting these filter values (e.g. divisions of one level). */
  filter?: Record<string, unknown>
  helperText?: string
}

/** Picks a record of another resource by typing part of its name (the API's `search`). */
export function ReferencePicker({ source, reference, validate, label, filter, helperText }: ReferencePickerProps) {
  return (
    <ReferenceInput source={source} reference={reference} perPage={25} filter={filter}>
      <AutocompleteInput
        label={label}
        validate={validate}
        helperText={helperText}
        filterToQuery={(search: string) => ({ q: search })}
      />
    </ReferenceInput>
  )
}

/** Picks several records by name. */
export function ReferencesPicker({ source, reference, label }: ReferencePickerProps) {
  return (
    <ReferenceArrayInput source={source} reference={reference} perPage={25}>
      <AutocompleteArrayInput
        label={label}
        filterToQuery={(search: string) => ({ q: search })}
        sx={{ minWidth: 400 }}
      />
    </ReferenceArrayInput>
  )
}

/**
 * The division a record is in (required on every record but divisions). An editor with a division
 * is offered only that division and what lies beneath it: the hub refuses the rest.
 */
export function DivisionPicker({ type, source = 'divisionId' }: { type: string; source?: string }) {
  const { division } = useEditScope()
  return (
    <ReferencePicker
      source={source}
      reference="divisions"
      validate={rule(type, source)}
      filter={division ? { withinDivision: division.id } : undefined}
    />
  )
}

export function EnumInput({ source, enumName, type }: { source: string; enumName: string; type: string }) {
  return <SelectInput source={source} choices={enumChoices(enumName)} validate={rule(type, source)} />
}

/** A whole-number figure with the server's bounds. */
export function CountInput({ source, type }: { source: string; type: string }) {
  return <NumberInput source={source} validate={rule(type, source)} step={1} min={0} />
}

/** An exact decimal (kept as text so no digit is lost). */
export function DecimalInput({ source, type }: { source: string; type: string }) {
  return <TextInput source={source} validate={rule(type, source)} inputMode="decimal" />
}

export function LocationInputs({ type }: { type: string }) {
  return (
    <>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={{ xs: 0, md: 2 }}
        useFlexGap
        sx={{ width: '100%', '& > *': { flex: 1 } }}
      >
        <NumberInput source="latitude" validate={rule(type, 'latitude')} />
        <NumberInput source="longitude" validate={rule(type, 'longitude')} />
        <SelectInput source="datum" choices={enumChoices('CoordinateDatum')} validate={rule(type, 'datum')} />
      </Stack>
      <TextInput source="note" validate={rule(type, 'note')} multiline minRows={2} fullWidth />
    </>
  )
}

/**
 * Two to four inputs on one line on wide screens. On a phone they stack, spaced by their helper
 * lines as inputs outside a row are; the 200px basis is a width only in a row (in the phone's
 * column it would be each input's height).
 */
export function Row({ children }: { children: React.ReactNode }) {
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={{ xs: 0, md: 2 }}
      useFlexGap
      sx={{ flexWrap: 'wrap', width: '100%', '& > *': { flex: { xs: '0 0 auto', md: '1 1 200px' } } }}
    >
      {children}
    </Stack>
  )
}
