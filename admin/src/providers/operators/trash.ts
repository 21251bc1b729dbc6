// The trash (`trash`, editors): what was deleted, listed by the hub (most recent first, at most
// TRASH_LIMIT) and searched and paged here.
import { isEmpty, type Json, localPage, oneOf, operatorProvider, type Send } from './local.ts'

const TRASH = 'id recordId recordType nameZh nameEn deletedAt version deletedBy'
/** Most items the hub lists from the trash in one answer. */
const TRASH_LIMIT = 200

export function createTrashProvider(send: Send) {
  const provider = operatorProvider({
    async getList(_resource, params) {
      const { recordType, ...rest } = params.filter ?? {}
      const data = await send<{ trash: Json[] }>(
        `query Trash($recordType: RecordType, $first: Int) { trash(recordType: $recordType, first: $first) { ${TRASH} } }`,
        { recordType: isEmpty(recordType) ? undefined : recordType, first: TRASH_LIMIT },
        params.signal,
      )
      return localPage(data.trash, { ...params, filter: rest }, ['nameZh', 'nameEn', 'deletedBy']) as never
    },
    getOne: (resource, { id, signal }) => oneOf(provider, resource, id, signal) as never,
  })
  return provider
}
