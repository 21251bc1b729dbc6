// References as people write them: a division by its code, its name, or its path from the county
// down ("绥江县/中城镇/福兴社区"); any other record by its Chinese name. A name that fits more than one
// record is reported, never guessed.

export interface RefRecord {
  id: string
  nameZh: string
  code?: string | null
  parentId?: string | null
  level?: string | null
}

/** Records of `reference` whose code (divisions) or Chinese name is one of `values`. */
export type FindRecords = (reference: string, by: 'code' | 'nameZh', values: string[]) => Promise<RefRecord[]>

/** Separators between the levels of a division path. */
export const PATH_SPLIT = /\s*[/／>＞\\]\s*/

export type Resolution = { id: string } | { problem: 'unknownReference' | 'ambiguousReference' }

interface Wanted {
  reference: string
  by: 'code' | 'nameZh'
  text: string
}

/** Loads every code and name a file uses with one request per reference and kind, then answers each. */
export class References {
  private readonly wanted = new Map<string, Set<string>>()
  private readonly found = new Map<string, RefRecord[]>()

  constructor(private readonly find: FindRecords) {}

  private static key(reference: string, by: string) {
    return `${reference}\u0000${by}`
  }

  /** Notes a value to look up; a division name may be a path. */
  want({ reference, by, text }: Wanted) {
    const values = by === 'nameZh' && reference === 'divisions' ? text.split(PATH_SPLIT) : [text]
    const key = References.key(reference, by)
    const set = this.wanted.get(key) ?? new Set<string>()
    for (const value of values) if (value.trim()) set.add(value.trim())
    this.wanted.set(key, set)
  }

  async load() {
    for (const [key, values] of this.wanted) {
      const [reference, by] = key.split('\u0000') as [string, 'code' | 'nameZh']
      const records = values.size ? await this.find(reference, by, [...values]) : []
      for (const record of records) {
        const value = by === 'code' ? record.code : record.nameZh
        if (!value) continue
        const list = this.found.get(`${key}\u0000${value}`) ?? []
        if (!list.some((known) => known.id === record.id)) list.push(record)
        this.found.set(`${key}\u0000${value}`, list)
      }
    }
  }

  private records(reference: string, by: string, value: string) {
    return this.found.get(`${References.key(reference, by)}\u0000${value.trim()}`) ?? []
  }

  resolve({ reference, by, text }: Wanted): Resolution {
    let candidates: RefRecord[]
    if (by === 'nameZh' && reference === 'divisions') {
      const [first, ...rest] = text.split(PATH_SPLIT).filter((segment) => segment.trim())
      candidates = this.records(reference, by, first ?? '')
      for (const segment of rest) {
        const parents = new Set(candidates.map((record) => record.id))
        candidates = this.records(reference, by, segment).filter((record) => parents.has(record.parentId ?? ''))
      }
    } else {
      candidates = this.records(reference, by, text)
    }
    if (candidates.length === 1) return { id: (candidates[0] as RefRecord).id }
    return { problem: candidates.length ? 'ambiguousReference' : 'unknownReference' }
  }
}

/** Levels above a county: a path starts below them. */
const ABOVE_COUNTY = new Set(['PROVINCE', 'CITY'])

/** A division's path from its county down ("绥江县/中城镇/福兴社区"), from divisions known by ID. */
export function divisionPath(id: string, divisions: ReadonlyMap<string, RefRecord>): string {
  const names: string[] = []
  const seen = new Set<string>()
  for (let division = divisions.get(id); division && !seen.has(division.id); ) {
    seen.add(division.id)
    names.unshift(division.nameZh)
    const parent = division.parentId ? divisions.get(division.parentId) : undefined
    if (!parent || ABOVE_COUNTY.has(parent.level ?? '') || ABOVE_COUNTY.has(division.level ?? '')) break
    division = parent
  }
  return names.join('/')
}
