// The document every seeded figure is cited from. The hub keeps its own copy next to the seed so the
// quotes can be checked against it on every run.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { SeedContext } from './context.ts'
import { save } from './save.ts'

export const SOURCE_FILE = 'zhaotong-livelihoods-2024.txt'
export const SOURCE_PATH = path.resolve(import.meta.dirname, 'sources', SOURCE_FILE)

export function readSourceText(): Promise<string> {
  return readFile(SOURCE_PATH, 'utf8')
}

const source = {
  file: SOURCE_FILE,
  // The file carries no title; this one is made from its three section headings and its opening aim
  // ("让广大群众生活更加温暖、幸福更有质感").
  nameZh: '昭通：产业就业支撑更强、教育医疗质量更高、“一老一小”保障更实，让民生幸福更有质感',
  nameEn:
    'Zhaotong: stronger industry and jobs, better education and health care, firmer care for the old and the young',
  publisher: null,
  publishedOn: null,
  url: null,
  note:
    'The file states no title, publisher, author or date. The title above is the hub’s, made from the text’s ' +
    'section headings. The text reports 2023 figures as past ("2023年") and speaks of "今年前三季度", "今年9月" ' +
    'and "今年11月", so it was written late in 2024 (the year the file name gives); figures it calls 今年 are ' +
    'recorded as 2024.',
}

export async function seedSource(ctx: Omit<SeedContext, 'source'>, text: string): Promise<SeedContext['source']> {
  const { tx } = ctx
  const found = await tx.source.findUnique({ where: { file: SOURCE_FILE } })
  const row = await save(ctx, 'source', SOURCE_FILE, found, source, {
    create: () => tx.source.create({ data: source }),
    update: (id) => tx.source.update({ where: { id }, data: { ...source, version: { increment: 1 } } }),
  })
  return { id: row.id, text }
}
