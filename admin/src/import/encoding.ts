// What kind of file an operator picked, and how its text is encoded. Offices send .xlsx workbooks
// and "CSV" in whatever their Excel saves: UTF-8 (with or without a byte order mark), GBK/GB18030
// (Chinese Excel's default) or UTF-16 ("Unicode text", tab-separated). Anything else is refused
// with a reason before a single row is read, so a wrong guess never writes mojibake.

export type TextEncodingName = 'UTF-8' | 'GBK' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE'

export interface DecodedText {
  encoding: TextEncodingName
  /** The file starts with a byte order mark. */
  bom: boolean
  text: string
}

export type Refusal =
  | { reason: 'empty' }
  /** An Excel 97–2003 workbook (.xls): ask for .xlsx. */
  | { reason: 'xls' }
  /** Not text at all (an image, a PDF, a zip that is not a workbook). */
  | { reason: 'binary' }
  /** Text in an encoding the console does not read (Big5, Shift_JIS…), named when known. */
  | { reason: 'encoding'; detected?: string }

export class UnreadableFile extends Error {
  constructor(readonly refusal: Refusal) {
    super(`hub.import.refused.${refusal.reason}`)
  }
}

/** Ranks the encodings a byte sequence may be in (jschardet's detectAll, loaded only when needed). */
export type Detector = (bytes: Uint8Array) => { encoding: string | null; confidence: number }[]

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte)

/** Office Open XML (.xlsx) and every other zip start with "PK\3\4". */
export function isZip(bytes: Uint8Array) {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])
}

/** Excel 97–2003 files are OLE compound documents. */
function isOleDocument(bytes: Uint8Array) {
  return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
}

const SAMPLE = 64 * 1024

/** UTF-16 without a byte order mark: ASCII-heavy text puts a zero in every other byte. */
function utf16Without(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const length = Math.min(bytes.length, SAMPLE) & ~1
  if (length < 4) return undefined
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = length / 2
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'UTF-16LE'
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'UTF-16BE'
  return undefined
}

function decode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return undefined
  }
}

/** GB18030 has four-byte sequences (a lead byte then a digit); GBK, its two-byte subset, has none. */
function usesFourByteSequences(bytes: Uint8Array) {
  for (let i = 0; i < bytes.length - 1; i++) {
    const byte = bytes[i] as number
    if (byte < 0x80) continue
    const next = bytes[i + 1] as number
    if (next >= 0x30 && next <= 0x39) return true
    i++
  }
  return false
}

/** Control characters other than tab, line feed, carriage return and form feed mean binary data. */
function looksBinary(text: string) {
  const sample = text.slice(0, SAMPLE)
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) control++
  }
  return control > 0 && control >= sample.length * 0.01
}

/** East Asian multi-byte encodings a detector may name that GB18030 would decode into nonsense. */
const OTHER_EAST_ASIAN = /^(big5|shift_jis|cp932|euc-jp|euc-kr|cp949|euc-tw|iso-2022)/i
const GB_FAMILY = /^(gb18030|gb2312|gbk|hz-gb-2312)$/i

/** The file's kind: an .xlsx workbook, or text to decode. Throws UnreadableFile for the rest. */
export function sniff(bytes: Uint8Array): 'xlsx' | 'text' {
  if (bytes.length === 0) throw new UnreadableFile({ reason: 'empty' })
  if (isZip(bytes)) return 'xlsx'
  if (isOleDocument(bytes)) throw new UnreadableFile({ reason: 'xls' })
  return 'text'
}

/**
 * Decodes the text of a CSV (or tab-separated) file: a byte order mark decides; otherwise UTF-16 is
 * recognised by its zero bytes, then UTF-8 is tried strictly, then GBK/GB18030 when it decodes
 * cleanly and the detector does not find another East Asian encoding more likely.
 */
export async function decodeText(bytes: Uint8Array, detector?: () => Promise<Detector>): Promise<DecodedText> {
  if (bytes.length === 0) throw new UnreadableFile({ reason: 'empty' })
  const refuse = (detected?: string): never => {
    throw new UnreadableFile(detected ? { reason: 'encoding', detected } : { reason: 'encoding' })
  }
  const checked = (decoded: DecodedText) => {
    if (looksBinary(decoded.text)) throw new UnreadableFile({ reason: 'binary' })
    return decoded
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decode('utf-8', bytes) ?? refuse('UTF-8')
    return checked({ encoding: 'UTF-8', bom: true, text })
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE'
    const text = decode(encoding, bytes) ?? refuse(encoding)
    return checked({ encoding, bom: true, text })
  }
  const utf16 = utf16Without(bytes)
  if (utf16) {
    const text = decode(utf16, bytes) ?? refuse(utf16)
    return checked({ encoding: utf16, bom: false, text })
  }
  if (bytes.includes(0)) throw new UnreadableFile({ reason: 'binary' })
  const utf8 = decode('utf-8', bytes)
  if (utf8 !== undefined) return checked({ encoding: 'UTF-8', bom: false, text: utf8 })
  const text = decode('gb18030', bytes)
  const ranked = detector ? (await detector())(bytes.subarray(0, SAMPLE)) : []
  if (text === undefined) return refuse(ranked[0]?.encoding ?? undefined)
  // Few Chinese characters give the detector little to go on: another encoding must be clearly
  // likelier than GB18030 to refuse the file.
  const gb = Math.max(0, ...ranked.filter((guess) => GB_FAMILY.test(guess.encoding ?? '')).map((g) => g.confidence))
  const other = ranked.find((guess) => OTHER_EAST_ASIAN.test(guess.encoding ?? ''))
  if (other && other.confidence >= 0.02 && other.confidence > 3 * gb) refuse(other.encoding ?? undefined)
  return checked({ encoding: usesFourByteSequences(bytes) ? 'GB18030' : 'GBK', bom: false, text })
}
