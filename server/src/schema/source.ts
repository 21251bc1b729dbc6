import { foreignKeys } from '@minsheng/db'
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.ts'
import { addRecordApi } from '../records/api.ts'
import { defineFamily, nodeOptions, recordFields } from '../records/family.ts'
import { date, text } from '../records/fields.ts'
import { encodeGlobalID } from '../records/ids.ts'

export const sources = defineFamily({
  typename: 'Source',
  plural: 'sources',
  labelZh: '数据来源',
  description: 'Documents the figures are taken from.',
  within: 'none',
  fields: {
    // Titles run longer than names of places and facilities.
    nameZh: text(300, 'Title in Chinese (required).', { required: true }),
    nameEn: text(300, 'Title in English.'),
    publisher: text(200, 'Who published the document.'),
    publishedOn: date('When it was published.'),
    file: text(300, 'File name of the copy the hub holds. Unique.'),
    url: text(1000, 'Where the document can be read.', { sort: false }),
  },
})

builder.prismaNode('Source', {
  ...nodeOptions(sources),
  description: 'A document figures are taken from. `nameZh` is its title.',
  fields: (t) => ({
    ...recordFields(t, sources, { citations: false }),
    citations: t.relatedConnection('citations', {
      description: 'The figures cited from this document.',
      cursor: 'id',
      totalCount: true,
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
      query: { orderBy: { id: 'asc' } },
    }),
  }),
})

addRecordApi(sources)

/** The record a citation belongs to, by its foreign key column (every reference but its source's). */
export const RECORD_COLUMNS = Object.fromEntries(
  foreignKeys('Citation')
    .filter((key) => key.target !== 'Source')
    .map((key) => [key.column, key.target]),
)

export function citedRecord(citation: Record<string, unknown>) {
  for (const [column, typename] of Object.entries(RECORD_COLUMNS)) {
    const id = citation[column]
    if (id != null) return { typename, id: encodeGlobalID(typename, id as number) }
  }
  return undefined
}

builder.prismaNode('Citation', {
  id: { field: 'id' },
  nullable: true,
  authScopes: { readType: 'Citation' },
  description: 'Where one figure of one record comes from: the source and the sentence it was taken from.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The cited field of the record (e.g. plannedBeds).' }),
    statedAs: t.exposeString('statedAs', {
      nullable: true,
      description: 'The figure as the source writes it (e.g. 5000张).',
    }),
    qualifier: t.expose('qualifier' as never, {
      type: 'FigureQualifier' as never,
      description: 'Exact, more than, nearly or planned.',
    }),
    quote: t.exposeString('quote', { description: 'The sentence the figure was taken from, verbatim.' }),
    source: t.relation('source', { description: 'The document quoted.' }),
    recordType: t.string({
      description: 'Type of the record the figure belongs to.',
      select: Object.fromEntries(Object.keys(RECORD_COLUMNS).map((c) => [c, true])),
      resolve: (c) => citedRecord(c as never)?.typename ?? '',
    }),
    recordId: t.id({
      description: 'Global ID of the record the figure belongs to.',
      select: Object.fromEntries(Object.keys(RECORD_COLUMNS).map((c) => [c, true])),
      resolve: (c) => citedRecord(c as never)?.id ?? '',
    }),
  }),
})
