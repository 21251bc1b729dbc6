// Whether a record still holds the value a citation was made for. Values come from two places —
// the record's column (numbers, Decimals, Dates) and audit snapshots (JSON: decimals and dates as
// strings) — so both are brought to one form first: 5, "5" and "5.00" are the same figure, and a
// date is the same day whatever its time part says.

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.000)?Z$/
const NUMBER = /^-?\d+(?:\.\d+)?$/

function canonicalNumber(text: string) {
  const [whole = '0', fraction = ''] = text.replace(/^(-?)0+(?=\d)/, '$1').split('.')
  const trimmed = fraction.replace(/0+$/, '')
  return trimmed ? `${whole}.${trimmed}` : whole === '-0' ? '0' : whole
}

export function citedForm(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return citedForm(value.toISOString())
  if (Array.isArray(value)) return value.map(citedForm)
  if (typeof value === 'number') return canonicalNumber(String(value))
  if (typeof value === 'object' && 'toFixed' in value) return canonicalNumber(String(value))
  if (typeof value === 'string') {
    const date = ISO_DATE.exec(value)
    if (date) return date[1]
    return NUMBER.test(value) ? canonicalNumber(value) : value
  }
  return value
}

export function sameCitedValue(current: unknown, cited: unknown): boolean {
  return JSON.stringify(citedForm(current)) === JSON.stringify(citedForm(cited))
}
