// Pieces the operator resources share: the hub answers accounts, keys and the trash whole, so they
// are searched, sorted and paged in the console; every provider fills in the methods it lacks.
import type { DataProvider } from 'react-admin'

export type Json = Record<string, unknown>
export type Send = <T = Json>(query: string, variables?: Json, signal?: AbortSignal) => Promise<T>

export interface ListParams {
  filter?: Json
  sort?: { field: string; order: string }
  pagination?: { page: number; perPage: number } | false
}

export const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Searches (`q` in the given text fields), filters (exact values), sorts and pages a list held in full. */
export function localPage(records: Json[], params: ListParams, searchIn: string[]) {
  const { q, ...filters } = params.filter ?? {}
  const needle = typeof q === 'string' ? q.trim().toLowerCase() : ''
  let rows = records.filter(
    (record) =>
      (!needle ||
        searchIn.some((field) =>
          String(record[field] ?? '')
            .toLowerCase()
            .includes(needle),
        )) &&
      Object.entries(filters).every(([field, value]) => isEmpty(value) || same(record[field], value)),
  )
  const sort = params.sort
  if (sort?.field) {
    const direction = sort.order === 'DESC' ? -1 : 1
    rows = [...rows].sort((a, b) => {
      const x = a[sort.field]
      const y = b[sort.field]
      if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1
      return String(x).localeCompare(String(y), 'zh-CN', { numeric: true }) * direction
    })
  }
  if (!params.pagination) return { data: rows, total: rows.length }
  const { page, perPage } = params.pagination
  return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length }
}

/**
 * The hub names an account's or key's invalid fields `input.0.username`: put them beside the form's
 * own `username` input.
 */
export function unwrapInputErrors(error: unknown): never {
  const body = (error as { body?: { errors?: Json } } | null)?.body
  const nested = (body?.errors?.input as Json | undefined)?.[0] ?? body?.errors?.input
  if (body?.errors && nested && typeof nested === 'object') {
    const { input: _input, ...rest } = body.errors
    body.errors = { ...rest, ...(nested as Json) }
  }
  throw error
}

const refuse = (method: string) => (resource: string) => Promise.reject(new Error(`${resource}: no ${method}`))

/**
 * A full react-admin data provider from the methods a resource supports: getMany and
 * getManyReference from its list, the rest refused.
 */
export function operatorProvider(methods: Partial<DataProvider> & Pick<DataProvider, 'getList'>): DataProvider {
  const provider: DataProvider = {
    getOne: refuse('getOne') as never,
    async getMany(resource, { ids, signal }) {
      const { data } = await provider.getList(resource, { signal })
      return { data: data.filter((record) => ids.includes(record.id)) }
    },
    getManyReference(resource, { target, id, ...params }) {
      return provider.getList(resource, { ...params, filter: { ...params.filter, [target]: id } })
    },
    create: refuse('create') as never,
    update: refuse('update') as never,
    updateMany: refuse('updateMany') as never,
    delete: refuse('delete') as never,
    deleteMany: refuse('deleteMany') as never,
    ...methods,
  }
  return provider
}

/** getOne of a list held in full: the record with that id, or react-admin's "not found". */
export async function oneOf(provider: DataProvider, resource: string, id: unknown, signal?: AbortSignal) {
  const { data } = await provider.getMany(resource, { ids: [id as string], signal })
  const found = data[0]
  if (!found) throw new Error('ra.notification.item_doesnt_exist')
  return { data: found }
}
