import type { Point } from './common.ts'
import type { Name } from './names.ts'
import type { CountyInfo, DivisionRef } from './zhaotong.ts'

// The records generated so far, linked by object reference; ids are filled in as rows are inserted.

export interface County extends Point {
  ref: DivisionRef
  info: CountyInfo
  townships: Township[]
}

export type TownshipKind = 'subdistrict' | 'town' | 'township'

export interface Division extends Point {
  id: number
  ancestorIds: number[]
  code: string | null
  name: Name
}

export interface Township extends Division {
  county: County
  kind: TownshipKind
  /** Share of the county's people living here: how many records land in it. */
  weight: number
  villages: Village[]
  settlements: Settlement[]
}

/** A village (村) or urban community (社区) division. */
export interface Village extends Division {
  township: Township
  urban: boolean
}

export interface Settlement extends Point {
  id: number
  township: Township
  name: Name
  population: number
}

export interface Community extends Point {
  id: number
  divisionId: number
  township: Township
  settlement: Settlement | null
  name: Name
  population: number
}

export interface Park extends Point {
  id: number
  township: Township
  name: Name
}
