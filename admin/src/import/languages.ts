// The console's labels in both languages, for file headers and cells: Chinese is bundled, English
// loads with the first file read or written.
import appZh from '../i18n/app-zh.ts'
import { type Languages, labelSet, type Messages } from './layout.ts'

let english: Promise<Languages> | undefined

export function loadLanguages(): Promise<Languages> {
  english ??= import('../i18n/app-en.ts').then(({ default: appEn }) => ({
    zh: labelSet(appZh as unknown as Messages),
    en: labelSet(appEn as unknown as Messages),
  }))
  return english
}
