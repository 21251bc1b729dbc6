// Import templates: the resource's columns with their labels, one example row taken from a real
// record (its name marked 示例, so importing it by mistake is refused), and — in Excel — a second
// sheet saying what each column takes: required or not, the allowed values, the format.
import hubSchema from 'virtual:hub-schema'
import type { TranslateFunction } from 'react-admin'
import { loadLanguages } from '../import/languages.ts'
import type { Column, Language } from '../import/layout.ts'
import { EXAMPLE_MARK } from '../import/plan.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { resourceApi } from '../providers/resources.ts'
import type { FieldMeta } from '../providers/schema-types.ts'
import { loadRelated } from './exportRecords.ts'
import { exportFileName } from './filename.ts'
import { csvBlob, saveFile, xlsxBlob } from './files.ts'
import { recordsTable } from './table.ts'

/** What a column takes, in words. */
function explain(
  column: Column,
  language: Language,
  translate: TranslateFunction,
  enumLabel: (e: string, v: string) => string,
) {
  const meta = column.meta as FieldMeta | undefined
  const t = (key: string, args?: Record<string, unknown>) => translate(`hub.template.${key}`, args)
  const lines: string[] = []
  switch (column.role) {
    case 'id':
      return t('id')
    case 'version':
      return t('version')
    case 'refCode':
      return t('divisionCode')
    case 'refName':
      lines.push(column.reference === 'divisions' ? t('divisionName') : t('referenceName'))
      break
    case 'refId':
      lines.push(t('globalId'))
      break
    case 'nested':
      lines.push(t('nested'))
      break
    default:
      if (meta?.kind === 'enum') {
        const values = hubSchema.enums[meta.type] ?? []
        lines.push(t('oneOf', { values: values.map((value) => enumLabel(meta.type, value)).join('、') }))
      } else if (meta?.type === 'Int' || meta?.type === 'Float' || meta?.type === 'Decimal') {
        lines.push(
          meta.min !== undefined && meta.max !== undefined
            ? t('numberRange', { min: meta.min, max: meta.max })
            : t(meta.type === 'Int' ? 'integer' : 'number'),
        )
      } else if (meta?.type === 'Date') lines.push(t('date'))
      else if (meta?.maxLength) lines.push(t('text', { max: meta.maxLength }))
  }
  if (meta?.list && column.role !== 'nested') lines.push(t('list'))
  return lines.join(language === 'zh' ? '；' : '; ')
}

export async function downloadTemplate(
  dataProvider: HubDataProvider,
  translate: TranslateFunction,
  resource: string,
  format: 'xlsx' | 'csv',
  language: Language,
) {
  const api = resourceApi(resource)
  const [{ data: records }, languages] = await Promise.all([
    dataProvider.getList(resource, {
      filter: {},
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1 },
      meta: { depth: 'file' },
    }),
    loadLanguages(),
  ])
  const related = await loadRelated(dataProvider, api, records)
  const table = recordsTable(hubSchema, api, languages, records, related, { language })
  const example = table.columns.map((column, index) => {
    if (column.role === 'id' || column.role === 'version') return null
    const cell = table.rows[0]?.[index] ?? null
    if (column.key === 'nameZh') {
      const name = typeof cell === 'string' && !EXAMPLE_MARK.test(cell) ? cell : ''
      return `${translate('hub.template.exampleMark')}${name}`
    }
    return cell
  })
  const name = translate(`resources.${resource}.name`, { smart_count: 2 })
  const data = { name, headers: table.headers, rows: [example] }
  const filename = exportFileName([name, translate('hub.template.name')], format)
  if (format === 'csv') return saveFile(csvBlob(data), filename)
  const required = (column: Column) =>
    (column.role === 'value' || column.role === 'nested' || column.role === 'refName') && column.meta?.required
  const enumLabel = (enumName: string, value: string) => languages[language].enumValue(enumName, value) ?? value
  const guide = {
    name: translate('hub.template.guide'),
    headers: [translate('hub.template.column'), translate('hub.template.required'), translate('hub.template.allowed')],
    rows: table.columns.map((column) => [
      column.headers[language],
      required(column) ? translate('hub.template.yes') : '',
      explain(column, language, translate, enumLabel),
    ]),
  }
  saveFile(await xlsxBlob([data, guide]), filename)
}
