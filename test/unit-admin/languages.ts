// The console's labels in both languages, as the import and export read them.
import appEn from '../../admin/src/i18n/app-en.ts'
import appZh from '../../admin/src/i18n/app-zh.ts'
import { type Languages, labelSet, type Messages } from '../../admin/src/import/layout.ts'

export const languages: Languages = {
  zh: labelSet(appZh as unknown as Messages),
  en: labelSet(appEn as unknown as Messages),
}
