// Whether a cited figure still says what its source says. A citation vouches for the value the
// record held when it was made (its audit trail tells; the seed's version 1 included) or, once an
// operator updates the citation, for the value it was updated to. When someone edits the figure,
// the citation says it no longer matches (与来源不一致) until it is updated or removed.

import { GraphQLError } from 'graphql'
import type { Actor } from '../auth/actor.ts'
import { canEditIn } from '../auth/permissions.ts'
import { builder, type Context } from '../builder.ts'
import { datamodel } from '../datamodel.ts'
import { db } from '../db.ts'
import { publishingTransaction } from '../live/after-commit.ts'
import { auditValue } from '../records/audit.ts'
import { recordKind, userInputError } from '../records/errors.ts'
import { idOf } from '../records/ids.ts'
import { sameCitedValue } from '../rules/cited-values.ts'
import { FigureQualifier } from './enums.ts'
import { RECORD_COLUMNS } from './source.ts'

type Row = Record<string, unknown>
// biome-ignore lint/suspicious/noExplicitAny: Prisma delegates chosen by the record's model name
type Delegates = Record<string, any>

// Its Chinese name, for the refusal of a source that citations still name (records/dependents.ts).
recordKind('Citation', '引用')

const ownerColumns = Object.fromEntries(Object.keys(RECORD_COLUMNS).map((column) => [column, true]))

/** The record a citation belongs to: its model, GraphQL type and database id. */
function ownerOf(citation: Row) {
  for (const [column, typename] of Object.entries(RECORD_COLUMNS)) {
    const id = citation[column]
    if (id != null) return { typename, model: `${typename[0]?.toLowerCase()}${typename.slice(1)}`, id: id as number }
  }
  return undefined
}

/** Whether the cited field is a column of the record (relations — prices, parks — are not compared). */
function isColumn(typename: string, field: string) {
  const model = (
    datamodel().datamodel.models as unknown as Record<string, { fields: { name: string; kind: string }[] }>
  )[typename]
  return Boolean(model?.fields.some((candidate) => candidate.name === field && candidate.kind !== 'object'))
}

/** The cited field's value now, or undefined when it is not a column of the record. */
async function currentValue(client: Delegates, citation: Row) {
  const owner = ownerOf(citation)
  const field = String(citation.field)
  if (!owner || !isColumn(owner.typename, field)) return undefined
  const row = await client[owner.model].findUnique({ where: { id: owner.id }, select: { [field]: true } })
  return row ? { value: row[field] as unknown } : undefined
}

/** The value the citation vouches for: set on update, else the record's state when it was made. */
async function citedValue(citation: Row) {
  if (citation.citedValue !== null && citation.citedValue !== undefined) return { value: citation.citedValue }
  const owner = ownerOf(citation)
  if (!owner) return undefined
  const event = await db().auditEvent.findFirst({
    where: { recordType: owner.typename, recordId: owner.id, at: { lte: citation.createdAt as Date } },
    orderBy: { id: 'desc' },
    select: { snapshot: true },
  })
  const snapshot = event?.snapshot as Row | null | undefined
  const field = String(citation.field)
  return snapshot && field in snapshot ? { value: snapshot[field] } : undefined
}

builder.prismaObjectField('Citation', 'matchesRecord', (t) =>
  t.boolean({
    nullable: true,
    description:
      'Whether the record still holds the value this citation was made for: false once the figure was changed (the stored value no longer matches the source), until the citation is updated or removed; null when it cannot be told (nested lists, records without history).',
    select: { field: true, createdAt: true, citedValue: true, ...ownerColumns },
    resolve: async (citation) => {
      const [current, cited] = await Promise.all([currentValue(db(), citation), citedValue(citation)])
      if (!current || !cited) return null
      return sameCitedValue(current.value, cited.value)
    },
  }),
)

/** The ancestor ids of the division the cited record lies in, for the editor's scope. */
async function divisionPathOf(client: Delegates, citation: Row): Promise<number[] | null> {
  const owner = ownerOf(citation)
  if (!owner) return null
  if (owner.typename === 'Division') {
    const division = await client.division.findUnique({ where: { id: owner.id }, select: { ancestorIds: true } })
    return division?.ancestorIds ?? null
  }
  if (owner.typename === 'IndicatorObservation') {
    const observation = await client.indicatorObservation.findUnique({
      where: { id: owner.id },
      select: { indicator: { select: { division: { select: { ancestorIds: true } } } } },
    })
    return observation?.indicator.division?.ancestorIds ?? null
  }
  const record = await client[owner.model].findUnique({
    where: { id: owner.id },
    select: { division: { select: { ancestorIds: true } } },
  })
  return record?.division?.ancestorIds ?? null
}

async function editableCitation(client: Delegates, id: unknown, ctx: Context) {
  const zh = ctx.locale === 'zh'
  const citationId = idOf(String(id), 'Citation')
  const citation = citationId === undefined ? null : await client.citation.findUnique({ where: { id: citationId } })
  if (!citation) {
    throw new GraphQLError(zh ? '找不到该引用。' : 'No such citation.', { extensions: { code: 'NOT_FOUND' } })
  }
  if (!canEditIn(ctx.actor as Actor, await divisionPathOf(client, citation))) {
    throw new GraphQLError(
      zh ? '该引用所属的记录不在您负责的行政区划内。' : 'The cited record is outside the division you may edit.',
      { extensions: { code: 'FORBIDDEN' } },
    )
  }
  return citation as Row & { id: number }
}

/** Citation changes go in the audit trail under the citation itself. */
async function auditCitation(
  client: Delegates,
  ctx: Context,
  action: 'UPDATE' | 'DELETE',
  before: Row,
  after: Row | null,
  reason?: string | null,
) {
  const fields = ['statedAs', 'qualifier', 'quote', 'citedValue']
  const changes = Object.fromEntries(
    fields
      .filter((field) => JSON.stringify(auditValue(before[field])) !== JSON.stringify(auditValue(after?.[field])))
      .map((field) => [field, { before: auditValue(before[field]), after: auditValue(after?.[field]) }]),
  )
  const actor = ctx.actor
  await client.auditEvent.create({
    data: {
      actorKind: 'USER',
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorName: actor.kind === 'user' ? actor.username : 'unknown',
      requestId: ctx.requestId,
      recordType: 'Citation',
      recordId: before.id as number,
      action,
      changes,
      reason: reason?.trim() || null,
    },
  })
}

const CitationInput = builder.inputType('CitationInput', {
  description: 'What an operator changes in a citation; the fields left out keep their value.',
  fields: (t) => ({
    statedAs: t.string({ description: 'The figure as the source writes it. At most 100 characters.' }),
    qualifier: t.field({ type: FigureQualifier.ref, description: 'Exact, more than, nearly or planned.' }),
    quote: t.string({ description: 'The sentence the figure was taken from, verbatim. At most 2000 characters.' }),
  }),
})

const TRANSACTION = { timeout: 20_000 }

const reasonArg = { description: 'Why, for the audit trail (≤ 1000 characters).' }

builder.mutationField('updateCitation', (t) =>
  t.prismaField({
    type: 'Citation',
    authScopes: { editor: true },
    description:
      "Updates a citation and makes it vouch for the record's current value (it matches the record again). Editors within the record's division.",
    args: {
      id: t.arg.id({ required: true, description: 'Global ID of the Citation.' }),
      input: t.arg({ type: CitationInput, required: true, description: 'The fields to change.' }),
      reason: t.arg.string(reasonArg),
    },
    resolve: (query, _root, { id, input, reason }, ctx) =>
      publishingTransaction(async (tx: Delegates) => {
        const before = await editableCitation(tx, id, ctx)
        const zh = ctx.locale === 'zh'
        const errors = [
          ['statedAs', input.statedAs, 100],
          ['quote', input.quote, 2000],
        ].flatMap(([field, value, max]) =>
          typeof value === 'string' && (value.trim() === '' || value.length > (max as number))
            ? [
                {
                  field: field as string,
                  code: 'invalid',
                  message: zh ? `不能为空，最多 ${max} 个字符` : `1 to ${max} characters`,
                },
              ]
            : [],
        )
        if (errors.length) throw userInputError(zh ? '引用未更新。' : 'The citation was not updated.', errors)
        const current = await currentValue(tx, before)
        const after = await tx.citation.update({
          where: { id: before.id },
          data: {
            ...(input.statedAs != null ? { statedAs: input.statedAs.trim() } : {}),
            ...(input.qualifier != null ? { qualifier: input.qualifier } : {}),
            ...(input.quote != null ? { quote: input.quote.trim() } : {}),
            citedValue: current ? (auditValue(current.value) ?? null) : null,
          },
        })
        await auditCitation(tx, ctx, 'UPDATE', before, after, reason)
        return tx.citation.findUniqueOrThrow({ ...query, where: { id: before.id } })
      }, TRANSACTION),
  }),
)

builder.mutationField('deleteCitation', (t) =>
  t.boolean({
    authScopes: { editor: true },
    description:
      "Removes a citation (the figure keeps its value, without a source). Editors within the record's division.",
    args: {
      id: t.arg.id({ required: true, description: 'Global ID of the Citation.' }),
      reason: t.arg.string(reasonArg),
    },
    resolve: (_root, { id, reason }, ctx) =>
      publishingTransaction(async (tx: Delegates) => {
        const before = await editableCitation(tx, id, ctx)
        await tx.citation.delete({ where: { id: before.id } })
        await auditCitation(tx, ctx, 'DELETE', before, null, reason)
        return true
      }, TRANSACTION),
  }),
)
