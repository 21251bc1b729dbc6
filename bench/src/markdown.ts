// The few Markdown pieces RESULTS.md is made of (Biome lays the tables out after writing: main.ts).
export const pct = (x: number) => `${(x * 100).toFixed(0)} %`
export const fixed = (x: number | null | undefined, digits = 0) =>
  x == null || Number.isNaN(x) ? '—' : x.toFixed(digits)

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
export const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n')
