// Who may do what in the console (pure, unit tested). The hub decides for real; the console only
// leaves out the buttons and pages a role cannot use.

export type Role = 'ADMIN' | 'EDITOR' | 'REVIEWER' | 'VIEWER'

/** Pages only admins see: accounts, partner keys and the whole audit trail. */
const ADMIN_ONLY = new Set(['users', 'apiKeys', 'auditEvents'])

/**
 * Review before publication: the queue for reviewers, their own change sets for authors (editors),
 * locked periods for reviewers (unlocking: admins only). Admins may do all of it.
 */
const GOVERNANCE: Record<string, (role: Role, action: string) => boolean> = {
  reviews: (role, action) => role === 'REVIEWER' && ['list', 'show', 'approve', 'reject'].includes(action),
  myChanges: (role, action) => role === 'EDITOR' && ['list', 'show', 'withdraw', 'submit'].includes(action),
  periodLocks: (role, action) => role === 'REVIEWER' && ['list', 'show', 'create'].includes(action),
}

/** What every signed-in operator may do with the records. */
const READ_ACTIONS = new Set(['list', 'show', 'export', 'history'])

/**
 * Whether a role may take an action on a console resource. Actions are react-admin's (`list`,
 * `show`, `create`, `edit`, `delete`, `export`) and the hub's own (`import`, `restore`, `purge`).
 */
export function allows(role: Role | undefined, action: string, resource: string): boolean {
  if (!role) return false
  if (role === 'ADMIN') return true
  const governance = GOVERNANCE[resource]
  if (governance) return governance(role, action)
  if (ADMIN_ONLY.has(resource) || action === 'purge') return false
  if (resource === 'trash') return role === 'EDITOR' && (action === 'list' || action === 'restore')
  if (READ_ACTIONS.has(action)) return true
  return role === 'EDITOR'
}

/** Pages of the hub's own administration, whose records are not in any division. */
const OPERATOR_PAGES = new Set(['trash', 'users', 'apiKeys', 'auditEvents', 'reviews', 'myChanges', 'periodLocks'])

/** Actions that change one record: a scoped editor may take them only inside their division. */
const RECORD_CHANGES = new Set(['edit', 'delete', 'restore'])

/** Where an editor may change records: every division (null), or the IDs of one division's subtree. */
export type EditScope = ReadonlySet<string> | null

/**
 * Whether the operator may change this record. The hub says so itself when the record carries
 * `canEdit`; otherwise it is decided as the hub decides: a division by its own place, any other
 * record by its division; a record without one (sources, city-wide figures) only without a scope.
 */
export function mayChange(
  role: Role | undefined,
  action: string,
  resource: string,
  record: Record<string, unknown> | undefined,
  scope: EditScope,
): boolean {
  if (!allows(role, action, resource)) return false
  if (!record || !RECORD_CHANGES.has(action) || OPERATOR_PAGES.has(resource)) return true
  if (typeof record.canEdit === 'boolean') return record.canEdit
  if (scope === null) return true
  const division = resource === 'divisions' ? record.id : record.divisionId
  return typeof division === 'string' && scope.has(division)
}
