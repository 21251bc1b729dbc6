import PendingActionsIcon from '@mui/icons-material/PendingActions'
import { lazy } from 'react'
import type { ResourceFolder } from '../common/resourceFolder.ts'

// The author's own change sets: awaiting review, returned with a reason, or being drafted.
export default {
  menuOrder: 104,
  list: lazy(() => import('./MyChangesList.tsx')),
  show: lazy(() => import('../governance/ChangeSetShow.tsx')),
  icon: PendingActionsIcon,
} satisfies ResourceFolder
