import FactCheckIcon from '@mui/icons-material/FactCheck'
import { lazy } from 'react'
import type { ResourceFolder } from '../common/resourceFolder.ts'

// The review queue (待审核): change sets others submitted that the operator may approve or reject.
export default {
  menuOrder: 103,
  list: lazy(() => import('./ReviewList.tsx')),
  show: lazy(() => import('../governance/ChangeSetShow.tsx')),
  icon: FactCheckIcon,
} satisfies ResourceFolder
