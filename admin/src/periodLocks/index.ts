import LockClockIcon from '@mui/icons-material/LockClock'
import { lazy } from 'react'
import type { ResourceFolder } from '../common/resourceFolder.ts'

// Locked reporting periods (期间锁定): reviewers and admins lock, admins unlock with a reason.
export default {
  menuOrder: 105,
  list: lazy(() => import('./PeriodLockList.tsx')),
  create: lazy(() => import('./PeriodLockCreate.tsx')),
  icon: LockClockIcon,
} satisfies ResourceFolder
