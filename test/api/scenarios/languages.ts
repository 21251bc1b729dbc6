// A refusal asked for in each language: a Chinese caller reads it in Chinese, an English caller and
// one who names no language in English (as before), and the extensions — what partners and the
// console read — are the same whatever the language. Used by error-language.test.ts (a write's
// refusals) and refusal-language.test.ts (the API's others).
import { beforeAll, describe, expect, it } from 'vitest'
import type { GraphQLResponse } from '../../setup/hub.ts'
import { CHINESE, onlyError } from '../support.ts'

export const languages = {
  zh: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
  en: { 'accept-language': 'en-US,en;q=0.9' },
  none: {},
}

export type Language = keyof typeof languages

export interface LanguageCase {
  name: string
  code: string
  /** The message an English caller gets (as before), from the extensions. */
  en: (extensions: Record<string, any>) => string | RegExp
  /** The message a Chinese caller gets. */
  zh: (extensions: Record<string, any>) => string | RegExp
  /** The field errors' messages in order, when the refusal names fields. */
  fieldMessages?: { en: string[]; zh: string[] }
}

/**
 * The extensions with the field errors' messages left out (those are in the caller's language), and
 * the request's own ID.
 */
function withoutMessages(extensions: Record<string, any> = {}) {
  const { fieldErrors, requestId: _, ...rest } = extensions
  return fieldErrors === undefined
    ? rest
    : { ...rest, fieldErrors: (fieldErrors as { message: string }[]).map(({ message: _, ...field }) => field) }
}

const fieldMessagesOf = (error: ReturnType<typeof onlyError>) =>
  ((error.extensions?.fieldErrors ?? []) as { message: string }[]).map((field) => field.message)

function expectMessage(actual: string, expected: string | RegExp) {
  if (typeof expected === 'string') expect(actual).toBe(expected)
  else expect(actual).toMatch(expected)
}

/** A describe block per case, each sent once in every language by `send`. */
export function describeInEveryLanguage<C extends LanguageCase>(
  cases: C[],
  send: (refusal: C, language: Record<string, string>) => Promise<GraphQLResponse>,
) {
  describe.each(cases)('$name', (refusal) => {
    let answers: Record<Language, GraphQLResponse>
    beforeAll(async () => {
      answers = {
        zh: await send(refusal, languages.zh),
        en: await send(refusal, languages.en),
        none: await send(refusal, languages.none),
      }
    })

    it('answers a Chinese caller in Chinese', () => {
      const error = onlyError(answers.zh)
      expect(error.extensions?.code).toBe(refusal.code)
      expect(error.message).toMatch(CHINESE)
      expectMessage(error.message, refusal.zh(error.extensions ?? {}))
      if (refusal.fieldMessages) expect(fieldMessagesOf(error)).toEqual(refusal.fieldMessages.zh)
    })

    it('answers an English caller, and one who names no language, in English as before', () => {
      for (const answer of [answers.en, answers.none]) {
        const error = onlyError(answer)
        expect(error.extensions?.code).toBe(refusal.code)
        expect(error.message).not.toMatch(CHINESE)
        expectMessage(error.message, refusal.en(error.extensions ?? {}))
        if (refusal.fieldMessages) expect(fieldMessagesOf(error)).toEqual(refusal.fieldMessages.en)
      }
    })

    it('gives the same extensions in either language', () => {
      const [zh, en, none] = [answers.zh, answers.en, answers.none].map((answer) => onlyError(answer))
      expect(answers.zh.status).toBe(answers.en.status)
      expect(withoutMessages(zh?.extensions)).toEqual(withoutMessages(en?.extensions))
      expect(withoutMessages(none?.extensions)).toEqual(withoutMessages(en?.extensions))
      expect(none?.extensions?.fieldErrors).toEqual(en?.extensions?.fieldErrors)
    })
  })
}
