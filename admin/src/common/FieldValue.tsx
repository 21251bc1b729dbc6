// One field's value as a person reads it: enum labels, names of referenced records, dates, lists.
// Used where values are shown outside their own field components (history, conflicts).
import hubSchema from 'virtual:hub-schema'
import { RecordContextProvider, ReferenceField, useLocaleState, useTranslate } from 'react-admin'
import { globalId, RESOURCES } from '../providers/resources.ts'
import type { FieldMeta, HubSchema } from '../providers/schema-types.ts'

const schema: HubSchema = hubSchema

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

/** The referenced record's name, linked to its page. */
function ReferenceName({ reference, id }: { reference: string; id: unknown }) {
  return (
    <RecordContextProvider value={{ id: String(id), target: String(id) }}>
      <ReferenceField source="target" reference={reference} link="show" emptyText={String(id)} />
    </RecordContextProvider>
  )
}

/** `{ minAge: 60, priceYuan: "10" }` as `minAge 60, priceYuan 10` with field labels. */
function useCompact(resource: string) {
  const translate = useTranslate()
  return (item: unknown, parent: string) =>
    typeof item === 'object' && item !== null
      ? Object.entries(item as Record<string, unknown>)
          .filter(([key, value]) => !isEmpty(value) && !['id', 'version', '__typename', 'citations'].includes(key))
          .map(
            ([key, value]) =>
              `${translate(`resources.${resource}.fields.${parent}.${key}`, { _: key })} ${String(value)}`,
          )
          .join('，')
      : String(item)
}

export interface FieldValueProps {
  /** The console resource of the record the value belongs to. */
  resource: string
  field: string
  value: unknown
  /** References hold database ids (the audit trail) rather than global IDs. */
  databaseIds?: boolean
}

export function FieldValue({ resource, field, value, databaseIds = false }: FieldValueProps) {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const compact = useCompact(resource)
  if (isEmpty(value)) return <>—</>
  const api = RESOURCES[resource]
  const type = api?.type ?? ''
  const reference = api?.references[field]
  const target = reference && RESOURCES[reference]?.type
  if (reference && target)
    return <ReferenceName reference={reference} id={databaseIds ? globalId(target, String(value)) : value} />
  const idList = api?.idLists[field]
  if (idList && Array.isArray(value)) {
    return (
      <>
        {value.map((id, i) => (
          <span key={String(id)}>
            {i > 0 ? '、' : null}
            <ReferenceName reference={idList.reference} id={id} />
          </span>
        ))}
      </>
    )
  }
  const meta: FieldMeta | undefined = schema.objects[type]?.[field] ?? schema.inputs[`${type}UpdateInput`]?.[field]
  if (meta?.kind === 'enum') {
    const label = (item: unknown) => translate(`enums.${meta.type}.${String(item)}`, { _: String(item) })
    return <>{Array.isArray(value) ? value.map(label).join('、') : label(value)}</>
  }
  if (Array.isArray(value)) return <>{value.map((item) => compact(item, field)).join('；')}</>
  if (typeof value === 'object') return <>{compact(value, field)}</>
  if (typeof value === 'boolean') return <>{translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}</>
  if (meta?.type === 'DateTime' || field === 'deletedAt') return <>{new Date(String(value)).toLocaleString(locale)}</>
  if (meta?.type === 'Date') return <>{String(value).slice(0, 10)}</>
  return <>{String(value)}</>
}

/** The label of a record field, from the resource's i18n labels. */
export function useFieldLabel(resource: string) {
  const translate = useTranslate()
  return (field: string) => translate(`resources.${resource}.fields.${field}`, { _: field })
}
