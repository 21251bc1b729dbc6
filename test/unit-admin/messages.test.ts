import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import appEn from '../../admin/src/i18n/app-en.ts'
import appZh from '../../admin/src/i18n/app-zh.ts'
import zh from '../../admin/src/i18n/zh.ts'
import { RESOURCES } from '../../admin/src/providers/resources.ts'
import { hubSchema } from './schema.ts'

const adminRequire = createRequire(new URL('../../admin/package.json', import.meta.url))
const english = (await import(adminRequire.resolve('ra-language-english'))).default

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('Chinese messages', () => {
  it('cover every react-admin key, so no English shows in the Chinese console', () => {
    const missing = keys(english).filter((key) => !keys(zh).includes(key))
    expect(missing).toEqual([])
  })

  it('label every enum value the schema has', () => {
    for (const [name, labels] of Object.entries(appZh.enums)) {
      expect(Object.keys(labels).sort(), name).toEqual([...(hubSchema.enums[name] ?? [])].sort())
    }
  })

  it('label every input field of every resource', () => {
    for (const { resource, type } of Object.values(RESOURCES)) {
      const fields = Object.keys(hubSchema.inputs[`${type}CreateInput`] ?? {})
      const labels = (appZh.resources as Record<string, { fields: object } | undefined>)[resource]
      expect(labels, resource).toBeDefined()
      const labelled = Object.keys(labels?.fields ?? {})
      expect(
        fields.filter((field) => !labelled.includes(field)),
        resource,
      ).toEqual([])
    }
  })
})

describe('the administration pages', () => {
  it('label every field of operator accounts and partner keys', () => {
    for (const [resource, input] of [
      ['users', 'UserInput'],
      ['apiKeys', 'ApiKeyInput'],
    ] as const) {
      const labelled = Object.keys(appZh.resources[resource].fields)
      expect(Object.keys(hubSchema.inputs[input] ?? {}).filter((field) => !labelled.includes(field))).toEqual([])
    }
  })
})

describe('English messages', () => {
  it('have the same keys as the Chinese ones', () => {
    expect(keys(appEn).sort()).toEqual(keys(appZh).sort())
  })
})
