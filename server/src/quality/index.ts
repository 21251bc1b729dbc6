// Data-quality rules: the declaration, the pure checks, and the run over the database.
export { figuresCited, hasEnglishName } from './completeness.ts'
export { communityResidentsWithinSettlement, employeesWithinJobCapacity, openBedsWithinPlanned } from './figures.ts'
export { fileUnderKnownTownship, pointInsideCounty, toWgs84 } from './geography.ts'
export { indicatorJumps } from './indicators.ts'
export {
  blocksSave,
  INDICATOR_JUMP_FACTOR,
  issue,
  type QualityIssue,
  RULES,
  type RuleCode,
  type Severity,
} from './rules.ts'
export { figureFieldsOf, findQualityIssues } from './run.ts'
export { checkedWithoutQuery, errorsAfterSave } from './save.ts'
