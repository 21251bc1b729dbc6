/** "a Hospital", "an Indicator": the English article for a type name in generated descriptions. */
export function withArticle(name: string): string {
  return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name}`
}
