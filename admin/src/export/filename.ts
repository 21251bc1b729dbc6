// The name of an exported file: what it holds, how it was filtered, and when — e.g.
// 一老一小设施_绥江县_2026-12-02.xlsx — with characters file systems refuse taken out.

const pad = (n: number) => String(n).padStart(2, '0')

/** Today (local time) as YYYY-MM-DD. */
export function localDate(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Characters Windows refuses in file names (control characters are dropped separately). */
const UNSAFE = /[\\/:*?"<>|]+/g

const printable = (text: string) => [...text].filter((char) => char.charCodeAt(0) >= 0x20).join('')

export function exportFileName(parts: (string | undefined | null)[], extension: 'xlsx' | 'csv', date = new Date()) {
  const words = [...parts, localDate(date)]
    .map((part) =>
      printable(part ?? '')
        .replace(UNSAFE, ' ')
        .trim(),
    )
    .filter(Boolean)
  return `${words.join('_').slice(0, 180)}.${extension}`
}
