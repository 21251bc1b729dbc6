// Every figure the seed writes carries the sentence it was taken from. The sentence must be a verbatim
// substring of the source file and must contain the figure as stated; otherwise the seed fails.
import type { FigureQualifier } from '../src/index.ts'
import type { SeedContext } from './context.ts'

export interface Cited {
  /** Field of the record (or "value" of an observation) the figure fills. */
  field: string
  /** The figure as the source writes it, e.g. "3.9万余人". */
  statedAs: string
  qualifier: FigureQualifier
  /** The sentence of the source the figure comes from, verbatim. */
  quote: string
}

export function cite(field: string, statedAs: string, qualifier: FigureQualifier, quote: string): Cited {
  return { field, statedAs, qualifier, quote }
}

/** The record a citation belongs to: exactly one of Citation's record references. */
export type CitationOwner =
  | { divisionId: number }
  | { settlementId: number }
  | { communityId: number }
  | { industrialParkId: number }
  | { enterpriseId: number }
  | { hospitalId: number }
  | { schoolId: number }
  | { careFacilityId: number }
  | { indicatorObservationId: number }

/** Throws unless the quote is in the source and the figure is in the quote. */
export function checkCited(cited: Cited, sourceText: string) {
  if (!sourceText.includes(cited.quote)) {
    throw new Error(`Citation for ${cited.field} quotes text that is not in the source: ${cited.quote}`)
  }
  if (!cited.quote.includes(cited.statedAs)) {
    throw new Error(`Citation for ${cited.field}: "${cited.statedAs}" does not occur in its quote: ${cited.quote}`)
  }
}

/**
 * Makes the record's citations from this source exactly `cites`, in order. A record whose citations
 * already match is left alone, so a re-run keeps ids and timestamps.
 */
export async function syncCitations(ctx: SeedContext, owner: CitationOwner, cites: Cited[]) {
  for (const cited of cites) checkCited(cited, ctx.source.text)
  const where = { sourceId: ctx.source.id, ...owner }
  const existing = await ctx.tx.citation.findMany({
    where,
    orderBy: { id: 'asc' },
    select: { field: true, statedAs: true, qualifier: true, quote: true },
  })
  const same =
    existing.length === cites.length &&
    existing.every(
      (row, i) =>
        row.field === cites[i]?.field &&
        row.statedAs === cites[i]?.statedAs &&
        row.qualifier === cites[i]?.qualifier &&
        row.quote === cites[i]?.quote,
    )
  if (same) {
    ctx.tally.citations(cites.length, { created: 0, deleted: 0 })
    return
  }
  const { count: deleted } = await ctx.tx.citation.deleteMany({ where })
  await ctx.tx.citation.createMany({ data: cites.map((cited) => ({ ...where, ...cited })) })
  ctx.tally.citations(cites.length, { created: cites.length, deleted })
}
