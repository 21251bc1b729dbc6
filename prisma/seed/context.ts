// State shared by the seeders of one run: the transaction, the source, and a tally of what was written.

import type { Prisma } from '../src/index.ts'
import { DATA_MODELS } from '../src/models.ts'

/** The models the seed writes: the city's data (src/models.ts), by their client delegate names. */
export const SEEDED_MODELS = DATA_MODELS.map((model) => `${model[0]?.toLowerCase()}${model.slice(1)}` as SeededModel)

export type SeededModel = Uncapitalize<Prisma.ModelName>

export type Outcome = 'created' | 'updated' | 'unchanged'

export interface SeedSummary {
  /** Rows of each model the seed holds after the run; the same on every run. */
  rows: Record<SeededModel, number>
  /** Rows this run wrote. All zero when the database already held the seed. */
  created: number
  updated: number
  deleted: number
}

export class Tally {
  private readonly ids = new Map<SeededModel, Map<string, number>>()
  private citationRows = 0
  created = 0
  updated = 0
  deleted = 0

  /** Notes a row the seed owns, under a key its seeder can look it up by (usually nameZh). */
  record(model: SeededModel, key: string, id: number, outcome: Outcome) {
    const byKey = this.ids.get(model) ?? new Map<string, number>()
    if (byKey.has(key)) throw new Error(`Seed data lists ${model} "${key}" twice`)
    byKey.set(key, id)
    this.ids.set(model, byKey)
    if (outcome !== 'unchanged') this[outcome] += 1
  }

  citations(rows: number, written: { created: number; deleted: number }) {
    this.citationRows += rows
    this.created += written.created
    this.deleted += written.deleted
  }

  idOf(model: SeededModel, key: string): number {
    const id = this.ids.get(model)?.get(key)
    if (id === undefined) throw new Error(`Seed data refers to ${model} "${key}", which it has not seeded yet`)
    return id
  }

  idsOf(model: SeededModel): number[] {
    return [...(this.ids.get(model)?.values() ?? [])]
  }

  summary(): SeedSummary {
    const rows = Object.fromEntries(SEEDED_MODELS.map((model) => [model, this.idsOf(model).length])) as Record<
      SeededModel,
      number
    >
    rows.citation = this.citationRows
    return { rows, created: this.created, updated: this.updated, deleted: this.deleted }
  }
}

export interface SeedContext {
  tx: Prisma.TransactionClient
  source: { id: number; text: string }
  tally: Tally
}
