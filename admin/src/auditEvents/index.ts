import HistoryIcon from '@mui/icons-material/History'
import { lazy } from 'react'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 120,
  list: lazy(() => import('./AuditEventList.tsx')),
  icon: HistoryIcon,
} satisfies ResourceFolder
