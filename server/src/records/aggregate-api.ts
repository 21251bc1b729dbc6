// `<plural>Aggregate`: counts and sums of a family's numeric fields, grouped by division level,
// enum fields and year, over the same filters as the list (one SQL statement: aggregate.ts).
/* biome-ignore-all lint/suspicious/noExplicitAny: field names come from the family description (see registry.ts) */
import { getRefFromModel, queryFromInfo } from '@pothos/plugin-prisma'
import { type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, getNamedType, isObjectType } from 'graphql'
import { collectSubfields } from 'graphql/execution/collectFields.js'
import { builder, type Context } from '../builder.ts'
import { readDb, readRows, readSchema } from '../db.ts'
import { readingArgs } from '../governance/args.ts'
import { enums } from '../schema/enums.ts'
import { type AggregateQuery, aggregateStatement, type Figures, METRICS, type Metric, toGroups } from './aggregate.ts'
import { aggregateFieldNames, type FieldSpec, groupableEnumFields } from './fields.ts'
import { type ListArgs, prismaWhereFor, searchArg } from './list-args.ts'
import { enumRef } from './output.ts'
import { type Family, family } from './registry.ts'

export function addAggregate(f: Family) {
  const numeric = aggregateFieldNames(f.fields)
  const enumFields = groupableEnumFields(f.fields)
  const T = f.typename
  const numbers =
    numeric.length > 0
      ? builder.objectRef<Record<string, number | null>>(`${T}AggregateNumbers`).implement({
          description: `Numeric fields of ${f.options.plural}, aggregated (empty values are ignored).`,
          fields: (t: any) =>
            Object.fromEntries(
              numeric.map((name) => [
                name,
                t.float({ nullable: true, description: f.fields[name]?.description, resolve: (p: any) => p[name] }),
              ]),
            ),
        })
      : undefined
  const canGroup = f.within !== 'none' || enumFields.length > 0 || Boolean(f.options.yearField)
  const groupBy =
    canGroup &&
    builder.inputType(`${T}GroupBy`, {
      description: `How to group ${f.options.plural}; with nothing set, one group holds them all.`,
      fields: (t: any) => {
        const out: Record<string, any> = {}
        if (f.within !== 'none') {
          out.divisionLevel = t.field({
            type: enums.DivisionLevel.ref,
            description: 'Group by the division at this level that contains each record (e.g. COUNTY).',
          })
        }
        for (const name of enumFields) out[name] = t.boolean({ description: `Group by ${name}.` })
        if (f.options.yearField) {
          out.year = t.boolean({ description: `Group by the year of ${f.options.yearField}.` })
        }
        return out
      },
    })
  const group = builder.objectRef<any>(`${T}AggregateGroup`).implement({
    description: `One group of ${f.options.plural} with its figures.`,
    fields: (t: any) => {
      const out: Record<string, any> = {
        count: t.int({ description: 'Records in the group.', resolve: (g: any) => g.count }),
      }
      if (f.within !== 'none') {
        // A plain field, not a prismaField: Pothos would plan the division's selection again for
        // each group (88 for care facilities by county and kind); divisionsOf plans it once per
        // selection and reads every group's division in one statement.
        out.division = t.field({
          type: getRefFromModel('Division', builder as never),
          nullable: true,
          description: 'The division of the group, when grouped by division level.',
          resolve: async (g: any, _args: unknown, _ctx: Context, info: GraphQLResolveInfo) =>
            g.divisionId == null ? null : ((await g.divisions(info)).get(g.divisionId) ?? null),
        })
      }
      for (const name of enumFields) {
        const spec = f.fields[name] as Extract<FieldSpec, { kind: 'enum' }>
        out[name] = t.field({
          type: enumRef(spec.enumName),
          nullable: true,
          description: `The ${name} of the group, when grouped by it.`,
          resolve: (g: any) => g.keys[name],
        })
      }
      if (f.options.yearField) {
        out.year = t.int({ nullable: true, description: 'The year of the group.', resolve: (g: any) => g.year })
      }
      if (numbers) {
        for (const metric of ['sum', 'avg', 'min', 'max'] as const) {
          out[metric] = t.field({
            type: numbers,
            description: { sum: 'Totals.', avg: 'Averages.', min: 'Smallest values.', max: 'Largest values.' }[metric],
            resolve: (g: any) => g[metric],
          })
        }
      }
      return out
    },
  })
  builder.queryField(`${f.options.plural}Aggregate`, (t: any) =>
    t.field({
      type: [group],
      authScopes: { readType: f.typename },
      description: `Counts and figures of ${f.options.plural}, grouped as asked, for the same filters as the list.`,
      args: {
        where: t.arg({ type: f.whereRef, description: 'Only records meeting these conditions.' }),
        search: searchArg(t, f),
        ...(groupBy ? { groupBy: t.arg({ type: groupBy, description: 'How to group; one group when omitted.' }) } : {}),
        ...readingArgs(t),
      },
      resolve: (
        _root: unknown,
        args: ListArgs & { groupBy?: Record<string, any> | null },
        ctx: Context,
        info: GraphQLResolveInfo,
      ) => aggregate(ctx, f, prismaWhereFor(f, args, ctx), args.groupBy ?? {}, selectedFigures(info), enumFields),
    }),
  )
}

async function aggregate(
  ctx: Context,
  f: Family,
  where: Record<string, unknown>,
  groupBy: Record<string, any>,
  figures: Figures,
  enumFields: string[],
) {
  const query: AggregateQuery = {
    shape: f,
    lookup: family,
    schema: readSchema(ctx),
    where,
    figures,
    enumFields: enumFields.filter((name) => groupBy[name]),
    ...(groupBy.divisionLevel ? { divisionLevel: groupBy.divisionLevel } : {}),
    ...(groupBy.year && f.options.yearField ? { yearField: f.options.yearField } : {}),
  }
  // Past Prisma's client, as the compiled reads are (its figures are numbers and texts either way).
  const statement = aggregateStatement(query)
  const rows = await readRows(statement.text, statement.values)
  const groups = toGroups(rows, query)
  const divisions = divisionsOf(ctx, groups)
  return groups.map((group) => ({ ...group, divisions }))
}

/**
 * The numeric fields the query selects under each metric, through aliases, fragments and @skip/@include
 * as graphql-js collects them: the statement computes only those (a sum, average and extremes of every
 * numeric field cost the database a tenth of the statement's time when only counts were asked for).
 */
export function selectedFigures(info: GraphQLResolveInfo): Figures {
  const figures: Figures = { sum: [], avg: [], min: [], max: [] }
  const collect = (type: GraphQLObjectType, nodes: readonly FieldNode[]) =>
    collectSubfields(info.schema, info.fragments, info.variableValues, type, nodes).values()
  const group = getNamedType(info.returnType)
  if (!isObjectType(group)) return figures
  for (const nodes of collect(group, info.fieldNodes)) {
    const metric = nodes[0]?.name.value as Metric
    const numbers = METRICS.includes(metric) ? getNamedType(group.getFields()[metric]?.type) : undefined
    if (!isObjectType(numbers)) continue
    for (const fields of collect(numbers, nodes)) {
      const name = fields[0]?.name.value
      if (name && name !== '__typename' && !figures[metric].includes(name)) figures[metric].push(name)
    }
  }
  return figures
}

/**
 * The divisions of all groups in one read, shared by the groups: a county appears in a group per
 * kind, and 88 findUniques (batched by Prisma, but each planned and mapped on its own) cost more
 * CPU than the grouped statement. One read per selection of `division` (aliases may select
 * differently), its Prisma query planned from the first group's field (the same for every group:
 * Pothos keys what it loaded for nested relations by the path without list indices).
 */
function divisionsOf(ctx: Context, groups: { divisionId: number | null }[]) {
  const ids = [...new Set(groups.map((group) => group.divisionId).filter((id) => id != null))]
  const reads = new Map<FieldNode, Promise<Map<number, unknown>>>()
  return (info: GraphQLResolveInfo) => {
    const selection = info.fieldNodes[0] as FieldNode
    let read = reads.get(selection)
    if (!read) {
      const query = queryFromInfo({ context: ctx, info, typeName: 'Division', select: { id: true } })
      read = readDb(ctx)
        .division.findMany({ ...(query as object), where: { id: { in: ids } } })
        .then((rows: any[]) => new Map(rows.map((row) => [row.id as number, row])))
      reads.set(selection, read)
    }
    return read
  }
}
