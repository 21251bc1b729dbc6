// Where a record sits in the division tree, as the permission rules (auth/permissions.ts) need it:
// for a write, read in the write's transaction before and after the change; for `canEdit`, from the
// columns the record was read with.
/* biome-ignore-all lint/suspicious/noExplicitAny: rows and transactions are typed per model */
import { GraphQLError } from 'graphql'
import type { Actor } from '../auth/actor.ts'
import { canEditDivision, canEditIn } from '../auth/permissions.ts'
import type { Context } from '../builder.ts'
import type { Family, Tx } from './registry.ts'

/** Ancestor ids (self included) of the division a record with this data belongs to. */
async function divisionPathOf(tx: Tx, f: Family, data: Record<string, any>, id?: number) {
  if (f.within === 'none') return null
  if (f.within === 'self') {
    const parent = data.parentId ? await ancestorsOf(tx, data.parentId) : null
    return [...(parent ?? []), ...(id ? [id] : [])]
  }
  if (data.divisionId == null) return null
  return ancestorsOf(tx, data.divisionId)
}

/** A division's ancestor ids (self included), in SQL so that a SQL-only transaction (sql-only-client.ts) can ask. */
async function ancestorsOf(tx: Tx, divisionId: number): Promise<number[] | null> {
  const rows: { ancestorIds: number[] }[] = await tx.$queryRaw`
    SELECT "ancestorIds" FROM "Division" WHERE id = ${divisionId}`
  return rows[0]?.ancestorIds ?? null
}

function mayEditPath(actor: Actor, f: Family, path: number[] | null, id?: number) {
  return f.within === 'self' ? canEditDivision(actor, path, id) : canEditIn(actor, path)
}

export function forbiddenOutsideScope(ctx: Context) {
  return new GraphQLError(
    ctx.locale === 'zh' ? '该记录不在您负责的行政区划内。' : 'This record is outside the division you may edit.',
    { extensions: { code: 'FORBIDDEN' } },
  )
}

/**
 * Refuses the write unless the caller may edit a record in this state (the state before a change,
 * and the state after it, are each checked). Unscoped operators pass without a query.
 */
export async function requireScope(tx: Tx, f: Family, ctx: Context, state: Record<string, any>, id?: number) {
  if (ctx.actor.kind === 'user' && ctx.actor.scopeDivisionId == null) return
  if (!mayEditPath(ctx.actor, f, await divisionPathOf(tx, f, state, id), id)) throw forbiddenOutsideScope(ctx)
}

/** The columns `mayEditRecord` reads, for Pothos's select mode. */
export function divisionSelection(f: Family): Record<string, unknown> {
  if (f.within === 'self') return { id: true, ancestorIds: true }
  if (f.within === 'relation') return { division: { select: { ancestorIds: true } } }
  return {}
}

/** Whether the caller may change this record as read (with `divisionSelection`). */
export function mayEditRecord(actor: Actor, f: Family, record: Record<string, any>): boolean {
  if (f.within === 'self') return canEditDivision(actor, record.ancestorIds ?? null, record.id)
  if (f.within === 'relation') return canEditIn(actor, record.division?.ancestorIds ?? null)
  return canEditIn(actor, null)
}
