// Data quality (数据质量): the issues the rules of server/src/quality/ find, on each record
// (`qualityIssues`, see records/output.ts) and across the hub (`dataQualityIssues`), for operators.
import { builder, type Context, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.ts'
import { db } from '../db.ts'
import { findQualityIssues, type QualityIssue, RULES, type RuleCode, type Severity } from '../quality/index.ts'
import { userInputError } from '../records/errors.ts'
import { encodeGlobalID, idOf } from '../records/ids.ts'
import { type Locale, notAnIdZh } from '../records/validation.ts'
import { RecordType } from './audit.ts'

export const QualityRule = builder.enumType('QualityRule', {
  description: 'The data-quality rules (server/src/quality/rules.ts).',
  values: Object.fromEntries(
    Object.entries(RULES).map(([code, rule]) => [
      code,
      { value: code as RuleCode, description: `${rule.title.en} (${rule.title.zh}); ${rule.severity}.` },
    ]),
  ) as Record<RuleCode, { value: RuleCode; description: string }>,
})

export const QualitySeverity = builder.enumType('QualitySeverity', {
  description: 'How much a quality issue weighs.',
  values: {
    ERROR: { value: 'ERROR' as Severity, description: 'Blocks a save: the figures cannot all be true.' },
    WARNING: { value: 'WARNING' as Severity, description: 'Saved, but worth a look.' },
  },
})

const inLocale = (text: { zh: string; en: string }, ctx: Context) => (ctx.locale === 'zh' ? text.zh : text.en)

const QualityCounty = builder.objectRef<NonNullable<QualityIssue['county']>>('QualityCounty').implement({
  description: 'The county (县、市、区) an issue’s record lies in.',
  fields: (t) => ({
    id: t.id({ description: 'Global ID of the Division.', resolve: (c) => encodeGlobalID('Division', c.id) }),
    code: t.exposeString('code', { nullable: true, description: 'GB/T 2260 code.' }),
    nameZh: t.exposeString('nameZh', { description: 'Chinese name.' }),
    nameEn: t.exposeString('nameEn', { nullable: true, description: 'English name.' }),
  }),
})

export const QualityIssueRef = builder.objectRef<QualityIssue>('QualityIssue').implement({
  description: 'One problem one data-quality rule finds on one record.',
  fields: (t) => ({
    rule: t.field({ type: QualityRule, description: 'The rule.', resolve: (i) => i.rule }),
    severity: t.field({ type: QualitySeverity, description: 'ERROR blocks a save.', resolve: (i) => i.severity }),
    title: t.string({
      description: 'The rule’s name, in the caller’s language.',
      resolve: (i, _args, ctx) => inLocale(RULES[i.rule].title, ctx),
    }),
    message: t.string({
      description: 'What is wrong, in the caller’s language.',
      resolve: (i, _args, ctx) => inLocale(i.message, ctx),
    }),
    messageZh: t.string({ description: 'What is wrong, in Chinese.', resolve: (i) => i.message.zh }),
    messageEn: t.string({ description: 'What is wrong, in English.', resolve: (i) => i.message.en }),
    recordType: t.exposeString('recordType', { description: 'Type of the record.' }),
    recordId: t.id({
      description: 'Global ID of the record.',
      resolve: (i) => encodeGlobalID(i.recordType, i.recordId),
    }),
    recordName: t.exposeString('recordName', { nullable: true, description: 'Chinese name of the record.' }),
    field: t.exposeString('field', { nullable: true, description: 'The field at fault, when it is one field.' }),
    county: t.field({
      type: QualityCounty,
      nullable: true,
      description: 'The county the record lies in.',
      resolve: (i) => i.county ?? null,
    }),
  }),
})

interface QualityWhere {
  division?: string | null
  rule?: RuleCode | null
  severity?: Severity | null
  type?: string | null
}

const QualityIssueWhere = builder.inputRef<QualityWhere>('QualityIssueWhere').implement({
  description: 'Conditions on data-quality issues; all given conditions must hold.',
  fields: (t) => ({
    division: t.id({ description: 'Records in this division or beneath it (global ID of a Division).' }),
    rule: t.field({ type: QualityRule, description: 'Found by this rule.' }),
    severity: t.field({ type: QualitySeverity, description: 'Of this severity.' }),
    type: t.field({ type: RecordType, description: 'On records of this type.' }),
  }),
})

interface Count {
  key: string
  count: number
  errors: number
  county?: QualityIssue['county']
}

const QualityRuleCount = builder.objectRef<Count>('QualityRuleCount').implement({
  description: 'How many issues one rule finds.',
  fields: (t) => ({
    rule: t.field({ type: QualityRule, description: 'The rule.', resolve: (c) => c.key as RuleCode }),
    severity: t.field({
      type: QualitySeverity,
      description: 'Its severity.',
      resolve: (c) => RULES[c.key as RuleCode].severity,
    }),
    title: t.string({
      description: 'Its name, in the caller’s language.',
      resolve: (c, _a, ctx) => inLocale(RULES[c.key as RuleCode].title, ctx),
    }),
    count: t.exposeInt('count', { description: 'Issues found.' }),
  }),
})

const QualityCountyCount = builder.objectRef<Count>('QualityCountyCount').implement({
  description: 'How many issues the records of one county have, by rule.',
  fields: (t) => ({
    county: t.field({
      type: QualityCounty,
      nullable: true,
      description: 'The county; null for records above the counties (the city itself).',
      resolve: (c) => c.county ?? null,
    }),
    count: t.exposeInt('count', { description: 'Issues found.' }),
    errors: t.exposeInt('errors', { description: 'Of which errors.' }),
  }),
})

const QualityCountyRuleCount = builder
  .objectRef<{ county: QualityIssue['county']; rule: RuleCode; count: number }>('QualityCountyRuleCount')
  .implement({
    description: 'How many issues one rule finds in one county.',
    fields: (t) => ({
      county: t.field({
        type: QualityCounty,
        nullable: true,
        description: 'The county.',
        resolve: (c) => c.county ?? null,
      }),
      rule: t.field({ type: QualityRule, description: 'The rule.', resolve: (c) => c.rule }),
      count: t.exposeInt('count', { description: 'Issues found.' }),
    }),
  })

const text = {
  notADivision: {
    en: () => 'division: not the ID of a Division',
    zh: () => `division：${notAnIdZh('Division')}`,
  },
  notADivisionField: { en: () => 'Not the ID of a Division', zh: () => notAnIdZh('Division') },
  notACursor: {
    en: (argument: string) => `${argument}: not a cursor of this list`,
    zh: (argument: string) => `${argument}：不是该列表的游标`,
  },
  notACursorField: { en: 'Not a cursor of this list', zh: '不是该列表的游标' },
  firstWithLast: { en: '`first` and `last` cannot be combined.', zh: 'first 与 last 不能同时使用。' },
  size: { en: `From 0 to ${MAX_PAGE_SIZE}.`, zh: `须在 0 到 ${MAX_PAGE_SIZE} 之间。` },
}

/** Issues that meet `where`; a division is matched by the record's division and everything above it. */
export async function qualityIssuesWhere(where: QualityWhere | null | undefined, locale: Locale) {
  let divisionId: number | undefined
  if (where?.division != null) {
    divisionId = idOf(String(where.division), 'Division')
    if (divisionId === undefined) {
      throw userInputError(text.notADivision[locale](), [
        { field: 'division', code: 'invalid_id', message: text.notADivisionField[locale]() },
      ])
    }
  }
  const issues = await findQualityIssues(db(), where?.rule ? { rules: [where.rule] } : {})
  let within: Set<number> | undefined
  if (divisionId !== undefined) {
    const beneath = await db().division.findMany({
      where: { OR: [{ id: divisionId }, { ancestorIds: { has: divisionId } }] },
      select: { id: true },
    })
    within = new Set(beneath.map((d) => d.id))
  }
  return issues.filter(
    (i) =>
      (!where?.severity || i.severity === where.severity) &&
      (!where?.type || i.recordType === where.type) &&
      (!within || (i.divisionId !== undefined && within.has(i.divisionId))),
  )
}

function counts(issues: QualityIssue[]) {
  const byRule = new Map<string, Count>()
  const byCounty = new Map<string, Count>()
  const byCountyRule = new Map<string, { county: QualityIssue['county']; rule: RuleCode; count: number }>()
  for (const i of issues) {
    const rule = byRule.get(i.rule) ?? { key: i.rule, count: 0, errors: 0 }
    rule.count += 1
    byRule.set(i.rule, rule)
    const countyKey = String(i.county?.id ?? '')
    const county = byCounty.get(countyKey) ?? { key: countyKey, count: 0, errors: 0, county: i.county }
    county.count += 1
    if (i.severity === 'ERROR') county.errors += 1
    byCounty.set(countyKey, county)
    const cell = byCountyRule.get(`${countyKey}/${i.rule}`) ?? { county: i.county, rule: i.rule, count: 0 }
    cell.count += 1
    byCountyRule.set(`${countyKey}/${i.rule}`, cell)
  }
  const ruleOrder = Object.keys(RULES)
  const code = (c?: QualityIssue['county']) => c?.code ?? ''
  return {
    byRule: [...byRule.values()].sort((a, b) => ruleOrder.indexOf(a.key) - ruleOrder.indexOf(b.key)),
    byCounty: [...byCounty.values()].sort((a, b) => code(a.county).localeCompare(code(b.county))),
    byCountyAndRule: [...byCountyRule.values()].sort(
      (a, b) => code(a.county).localeCompare(code(b.county)) || ruleOrder.indexOf(a.rule) - ruleOrder.indexOf(b.rule),
    ),
  }
}

interface PageArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
}

/** A cursor is the issue's place in the list as it is now: issues are computed, not stored. */
const cursorOf = (offset: number) => Buffer.from(`QualityIssue:${offset}`).toString('base64')

function offsetOf(cursor: string, argument: string, locale: Locale): number {
  const match = /^QualityIssue:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))
  if (!match || cursorOf(Number(match[1])) !== cursor) {
    throw userInputError(text.notACursor[locale](argument), [
      { field: argument, code: 'invalid_cursor', message: text.notACursorField[locale] },
    ])
  }
  return Number(match[1])
}

/** The page of `all` the Relay arguments ask for; BAD_USER_INPUT for what cannot be a page. */
export function pageOfIssues<T>(all: T[], args: PageArgs, locale: Locale) {
  const refuse = (field: string, message: string) => {
    throw userInputError(message, [{ field, code: 'invalid', message }])
  }
  if (args.first != null && args.last != null) refuse('last', text.firstWithLast[locale])
  for (const key of ['first', 'last'] as const) {
    const value = args[key]
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) refuse(key, text.size[locale])
  }
  let start = args.after != null ? offsetOf(args.after, 'after', locale) + 1 : 0
  let end = args.before != null ? Math.min(offsetOf(args.before, 'before', locale), all.length) : all.length
  start = Math.min(start, end)
  if (args.last != null) start = Math.max(start, end - args.last)
  else end = Math.min(end, start + (args.first ?? DEFAULT_PAGE_SIZE))
  const edges = all.slice(start, end).map((node, index) => ({ cursor: cursorOf(start + index), node }))
  return {
    edges,
    pageInfo: {
      hasPreviousPage: start > 0,
      hasNextPage: end < all.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  }
}

type IssueConnection = ReturnType<typeof pageOfIssues<QualityIssue>> & { all: QualityIssue[] }

builder.queryField('dataQualityIssues', (t) =>
  t.connection(
    {
      type: QualityIssueRef,
      authScopes: { operator: true },
      description: `Problems the data-quality rules find in the working copy, by rule, then record (operators only). Pages hold ${DEFAULT_PAGE_SIZE} issues unless \`first\` asks for up to ${MAX_PAGE_SIZE}. The counts cover every issue that meets \`where\`, on all pages.`,
      args: { where: t.arg({ type: QualityIssueWhere, description: 'Only issues meeting these conditions.' }) },
      resolve: async (_root, args, ctx) => {
        pageOfIssues([], args, ctx.locale) // refuses bad page arguments before the rules run
        const ruleOrder = Object.keys(RULES)
        const all = (await qualityIssuesWhere(args.where, ctx.locale)).sort(
          (a, b) =>
            ruleOrder.indexOf(a.rule) - ruleOrder.indexOf(b.rule) ||
            a.recordType.localeCompare(b.recordType) ||
            a.recordId - b.recordId,
        )
        return { ...pageOfIssues(all, args, ctx.locale), all } as IssueConnection
      },
    },
    {
      description: 'A page of data-quality issues, with counts over all of them.',
      fields: (t) => ({
        totalCount: t.int({
          description: 'Issues meeting the conditions, on all pages.',
          resolve: (c) => (c as IssueConnection).all.length,
        }),
        byRule: t.field({
          type: [QualityRuleCount],
          description: 'Issues per rule, in the order the rules are declared.',
          resolve: (c) => counts((c as IssueConnection).all).byRule,
        }),
        byCounty: t.field({
          type: [QualityCountyCount],
          description: 'Issues per county, by code (records above the counties last).',
          resolve: (c) => counts((c as IssueConnection).all).byCounty,
        }),
        byCountyAndRule: t.field({
          type: [QualityCountyRuleCount],
          description: 'Issues per county and rule: the cells of the quality page’s table.',
          resolve: (c) => counts((c as IssueConnection).all).byCountyAndRule,
        }),
      }),
    },
    { description: 'A data-quality issue in a page, with its cursor.' },
  ),
)
