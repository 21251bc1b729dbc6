// Files as offices have them: the encoding of a CSV is detected from its bytes (and named), and a
// file in none of the encodings the console reads is refused before any row is parsed.
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, sniff, UnreadableFile } from '../../admin/src/import/encoding.ts'
import { decodeFile } from '../../admin/src/import/table.ts'

const TEXT = '中文名称,所在区划代码,类型,服务人数\r\n绥江县中城镇福兴社区老年幸福食堂,530626,老年幸福食堂,1237\r\n'

const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding))

async function refusal(input: Uint8Array) {
  try {
    await decodeFile(input)
  } catch (error) {
    if (error instanceof UnreadableFile) return error.refusal
    throw error
  }
  return undefined
}

describe('the encoding of a text file', () => {
  it.each([
    ['utf8', 'UTF-8', false],
    ['utf8-bom', 'UTF-8', true],
    ['gbk', 'GBK', false],
    ['utf16le-bom', 'UTF-16LE', true],
    ['utf16be-bom', 'UTF-16BE', true],
    ['utf16le', 'UTF-16LE', false],
  ] as const)('%s is read as %s', async (kind, encoding, bom) => {
    const input =
      kind === 'utf8-bom'
        ? bytes(`\uFEFF${TEXT}`, 'utf8')
        : kind.startsWith('utf16')
          ? iconv.encode(
              kind.endsWith('bom') ? `\uFEFF${TEXT}` : TEXT,
              kind.startsWith('utf16be') ? 'utf16-be' : 'utf16-le',
            )
          : bytes(TEXT, kind)
    const decoded = await decodeFile(new Uint8Array(input))
    expect(decoded).toEqual({ encoding, bom, text: TEXT })
  })

  it('names GB18030 when the file holds characters beyond GBK', async () => {
    const text = `${TEXT}𠀀字食堂,530626,老年幸福食堂,10\r\n`
    expect(await decodeFile(bytes(text, 'gb18030'))).toEqual({ encoding: 'GB18030', bom: false, text })
  })

  it('reads a GBK file whose Chinese is a single rare name among many ASCII lines', async () => {
    const lines = ['nameZh,divisionCode,role,plannedBeds']
    for (let i = 0; i < 100; i++) lines.push(`Hospital ${i},530621,GENERAL_HOSPITAL,${i}`)
    lines.push('镕堃医院,530621,GENERAL_HOSPITAL,5')
    const decoded = await decodeFile(bytes(lines.join('\n'), 'gbk'))
    expect(decoded.encoding).toBe('GBK')
    expect(decoded.text.endsWith('镕堃医院,530621,GENERAL_HOSPITAL,5')).toBe(true)
  })

  it('refuses Big5, Shift_JIS and EUC-KR rather than reading them as GBK', async () => {
    expect(await refusal(bytes('名稱,區劃代碼\n綏江縣中城鎮福興社區老年幸福食堂,530626\n', 'big5'))).toEqual({
      reason: 'encoding',
      detected: 'Big5',
    })
    expect((await refusal(bytes('名前,コード\n東京都新宿区,13104\n', 'shift_jis')))?.reason).toBe('encoding')
    expect((await refusal(bytes('이름,코드\n서울특별시,11\n', 'euc-kr')))?.reason).toBe('encoding')
  })

  it('refuses binary data, empty files and old .xls workbooks', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    expect(await refusal(png)).toEqual({ reason: 'binary' })
    expect(await refusal(new Uint8Array())).toEqual({ reason: 'empty' })
    expect(() => sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toThrow(UnreadableFile)
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('xlsx')
  })

  it('without a detector still reads GBK, and refuses bytes no encoding decodes', async () => {
    expect((await decodeText(bytes(TEXT, 'gbk'))).encoding).toBe('GBK')
    await expect(decodeText(new Uint8Array([0x41, 0xff, 0x2c, 0x42]))).rejects.toThrow(UnreadableFile)
  })
})
