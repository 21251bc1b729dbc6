// Colours of a change set's state, wherever it is shown.
export const STATUS_COLOURS: Record<string, 'default' | 'warning' | 'success' | 'error' | 'info'> = {
  DRAFT: 'default',
  PENDING: 'warning',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
}
