// Rules of the division tree, kept pure so they are tested on their own.

export const LEVEL_ORDER = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'COMMUNITY'] as const

interface DivisionNode {
  id: number
  level: string
  ancestorIds: number[]
}

/** Why `parent` cannot hold `division`, or undefined when it can. */
export function checkDivisionParent(
  division: DivisionNode,
  parent: DivisionNode | null,
  locale: 'zh' | 'en' = 'en',
): string | undefined {
  if (!parent) return undefined
  if (parent.id === division.id || parent.ancestorIds.includes(division.id)) {
    return locale === 'zh' ? '行政区划不能置于其自身之下。' : 'A division cannot be placed beneath itself.'
  }
  const depth = (level: string) => LEVEL_ORDER.indexOf(level as (typeof LEVEL_ORDER)[number])
  if (depth(parent.level) >= depth(division.level)) {
    return locale === 'zh'
      ? `上级区划的层级必须高于本区划（${division.level} 不能隶属于 ${parent.level}）。`
      : `A ${division.level} cannot belong to a ${parent.level}; its parent must be a higher level.`
  }
  return undefined
}
