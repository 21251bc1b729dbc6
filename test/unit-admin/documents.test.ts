// The documents the console builds from the schema's description, for every record resource, and
// the fixed ones it sends, are valid against the checked-in schema. (The e2e suite checks every
// document the console actually sends as well: see e2e/documents.ts.)
import { describe, expect, it } from 'vitest'
import { OVERVIEW_QUERY } from '../../admin/src/dashboard/overview.ts'
import { IMPORT_MUTATION } from '../../admin/src/import/report.ts'
import {
  createMutation,
  deleteManyMutation,
  deleteMutation,
  historyQuery,
  listQuery,
  manyQuery,
  oneQuery,
  purgeMutation,
  restoreMutation,
  updateMutation,
  versionsQuery,
} from '../../admin/src/providers/queries.ts'
import { RESOURCES } from '../../admin/src/providers/resources.ts'
import { documentProblems } from '../e2e/documents.ts'
import { hubSchema } from './schema.ts'

describe('documents the console sends', () => {
  it.each(Object.values(RESOURCES).map((api) => [api.resource, api] as const))('for %s', (_resource, api) => {
    const documents = [
      listQuery(hubSchema, api),
      listQuery(hubSchema, api, 'file'),
      oneQuery(hubSchema, api),
      manyQuery(hubSchema, api),
      manyQuery(hubSchema, api, 'file'),
      createMutation(hubSchema, api),
      updateMutation(hubSchema, api),
      deleteMutation(api),
      deleteManyMutation(api, 3),
      versionsQuery(api),
      historyQuery(api.type),
      restoreMutation(api.type),
      purgeMutation(api.type),
    ]
    for (const document of documents) expect(documentProblems(document), document).toEqual([])
  })

  it('fixed ones: the dashboard and the import', () => {
    for (const document of [OVERVIEW_QUERY, IMPORT_MUTATION]) expect(documentProblems(document), document).toEqual([])
  })

  it('are refused when they name something the schema lacks', () => {
    expect(documentProblems('{ hospitals { nodes { bedz } } }')).toEqual([
      'Cannot query field "bedz" on type "Hospital".',
    ])
  })
})
