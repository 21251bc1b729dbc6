// Chinese by default and bundled; English loaded when chosen. react-admin keeps the choice in its
// store (localStorage), so the console reopens in the last language.
import polyglotI18nProvider from 'ra-i18n-polyglot'
import zh from '../i18n/zh.ts'

export const DEFAULT_LOCALE = 'zh-CN'

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('../i18n/en.ts').then((module) => module.default) : zh),
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: false },
)
