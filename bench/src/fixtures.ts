// The records the scenarios ask for, found in each filled database by src/fill.ts.

export interface Fixtures {
  /** The county the list scenario filters on (the one with the most elderly canteens). */
  county: { id: number; nameZh: string }
  /** The hospital the by-id scenario reads (the one with the most citations). */
  hospital: { id: number; nameZh: string; citations: number }
  /** Synthetic hospitals the update scenario changes, one per connection. */
  updateHospitalIds: number[]
}

/** Our global IDs (Pothos relay): base64 of `Typename:id`. The baseline uses the same. */
export function globalId(typename: string, id: number) {
  return Buffer.from(`${typename}:${id}`).toString('base64')
}
