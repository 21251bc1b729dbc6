// Rules on what a record lacks: an English name, a citation for a figure.
import { issue, type QualityIssue } from './rules.ts'

interface Ref {
  recordType: string
  recordId: number
  divisionId?: number
}

/** Every record has an English name (partners abroad read the hub in English). */
export function hasEnglishName(record: Ref & { nameZh: string; nameEn: string | null }): QualityIssue[] {
  const { nameZh, nameEn, ...ref } = record
  if (nameEn != null && nameEn.trim() !== '') return []
  return [
    issue(
      'MISSING_ENGLISH_NAME',
      ref,
      { zh: `${nameZh}没有英文名称。`, en: `${nameZh} has no English name.` },
      'nameEn',
    ),
  ]
}

/** Every figure a record holds has a citation saying where it comes from. */
export function figuresCited(
  record: Ref & { nameZh: string; values: Record<string, unknown> },
  /** The record's fields that hold figures. */
  figureFields: readonly string[],
  citedFields: ReadonlySet<string>,
): QualityIssue[] {
  const { nameZh, values, ...ref } = record
  return figureFields
    .filter((field) => values[field] != null && !citedFields.has(field))
    .map((field) =>
      issue(
        'FIGURE_WITHOUT_CITATION',
        ref,
        {
          zh: `${nameZh}的 ${field}（${String(values[field])}）没有出处。`,
          en: `${nameZh}: ${field} (${String(values[field])}) has no citation.`,
        },
        field,
      ),
    )
}
