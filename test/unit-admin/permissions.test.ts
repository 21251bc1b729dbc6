import { describe, expect, it } from 'vitest'
import { allows } from '../../admin/src/providers/permissions.ts'

const RECORD_ACTIONS = ['list', 'show', 'export', 'history', 'create', 'edit', 'delete', 'import', 'restore']

describe('what each role is offered', () => {
  it('lets viewers read and export records, and nothing else', () => {
    for (const action of ['list', 'show', 'export', 'history']) expect(allows('VIEWER', action, 'hospitals')).toBe(true)
    for (const action of ['create', 'edit', 'delete', 'import', 'restore', 'purge']) {
      expect(allows('VIEWER', action, 'hospitals'), action).toBe(false)
    }
    for (const resource of ['trash', 'auditEvents', 'users', 'apiKeys']) {
      expect(allows('VIEWER', 'list', resource), resource).toBe(false)
    }
  })

  it('lets editors change records and restore from the trash, but not purge or administer', () => {
    for (const action of RECORD_ACTIONS) expect(allows('EDITOR', action, 'schools'), action).toBe(true)
    expect(allows('EDITOR', 'list', 'trash')).toBe(true)
    expect(allows('EDITOR', 'restore', 'trash')).toBe(true)
    expect(allows('EDITOR', 'purge', 'trash')).toBe(false)
    for (const resource of ['auditEvents', 'users', 'apiKeys']) {
      expect(allows('EDITOR', 'list', resource), resource).toBe(false)
      expect(allows('EDITOR', 'create', resource), resource).toBe(false)
    }
  })

  it('lets admins do everything, and nobody anything when signed out', () => {
    for (const resource of ['hospitals', 'trash', 'auditEvents', 'users', 'apiKeys']) {
      for (const action of [...RECORD_ACTIONS, 'purge']) expect(allows('ADMIN', action, resource)).toBe(true)
      expect(allows(undefined, 'list', resource)).toBe(false)
    }
  })
})
