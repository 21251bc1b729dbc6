// Who may do what in the console (pure, unit tested). The hub decides for real; the console only
// leaves out the buttons and pages a role cannot use.

export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER'

/** Pages only admins see: accounts, partner keys and the whole audit trail. */
const ADMIN_ONLY = new Set(['users', 'apiKeys', 'auditEvents'])

/** What every signed-in operator may do with the records. */
const READ_ACTIONS = new Set(['list', 'show', 'export', 'history'])

/**
 * Whether a role may take an action on a console resource. Actions are react-admin's (`list`,
 * `show`, `create`, `edit`, `delete`, `export`) and the hub's own (`import`, `restore`, `purge`).
 */
export function allows(role: Role | undefined, action: string, resource: string): boolean {
  if (!role) return false
  if (role === 'ADMIN') return true
  if (ADMIN_ONLY.has(resource) || action === 'purge') return false
  if (resource === 'trash') return role === 'EDITOR' && (action === 'list' || action === 'restore')
  if (READ_ACTIONS.has(action)) return true
  return role === 'EDITOR'
}
