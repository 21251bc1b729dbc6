// The caller's language for messages, from Accept-Language: Chinese when it comes first, else English.
export type Locale = 'zh' | 'en'

export function localeOf(acceptLanguage: string | null | undefined): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('zh') ? 'zh' : 'en'
}
