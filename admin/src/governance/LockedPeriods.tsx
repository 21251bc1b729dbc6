// Above a record's series of figures: the reporting periods locked over its division, with who
// locked them and why; the rows of those periods are read-only (the hub refuses them anyway).
import { Alert } from '@mui/material'
import { useTranslate } from 'react-admin'
import type { PeriodLockInfo } from './periods.ts'

export function LockedPeriodsNotice({ locks }: { locks: PeriodLockInfo[] }) {
  const translate = useTranslate()
  if (!locks.length) return null
  return (
    <Alert severity="info" sx={{ mb: 1, width: '100%' }} data-testid="locked-periods">
      {locks.map((lock) => (
        <div key={lock.id}>
          {translate(lock.reason ? 'hub.periodLocks.lockedWithReason' : 'hub.periodLocks.locked', {
            period: lock.period,
            name: lock.lockedByName,
            reason: lock.reason ?? '',
          })}
        </div>
      ))}
    </Alert>
  )
}
