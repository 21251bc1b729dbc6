// A list's filter in a few words for a file name: the division by name, enum values by label,
// bounds as "规划床位≥100", a search as the words searched for.
import hubSchema from 'virtual:hub-schema'
import type { TranslateFunction } from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import type { ResourceApi } from '../providers/resources.ts'

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

export async function describeFilter(
  dataProvider: HubDataProvider,
  translate: TranslateFunction,
  api: ResourceApi,
  filter: Record<string, unknown>,
): Promise<string[]> {
  const object = hubSchema.objects[api.type] ?? {}
  const words: string[] = []
  for (const [key, value] of Object.entries(filter)) {
    if (isEmpty(value)) continue
    const values = Array.isArray(value) ? value : [value]
    const reference = key === 'withinDivision' ? 'divisions' : api.references[key]
    if (reference) {
      const { data } = await dataProvider.getMany(reference, { ids: values as string[] })
      words.push(data.map((record) => String(record.nameZh ?? record.id)).join('、'))
      continue
    }
    const bound = /^(.+)_(gte|lte)$/.exec(key)
    if (bound) {
      const label = translate(`resources.${api.resource}.fields.${bound[1]}`, { _: bound[1] })
      words.push(`${label}${bound[2] === 'gte' ? '≥' : '≤'}${String(value).slice(0, 10)}`)
      continue
    }
    const meta = object[key]
    if (meta?.kind === 'enum') {
      words.push(values.map((item) => translate(`enums.${meta.type}.${String(item)}`, { _: String(item) })).join('、'))
      continue
    }
    words.push(values.map(String).join('、'))
  }
  return words
}
