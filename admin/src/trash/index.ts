import DeleteSweepIcon from '@mui/icons-material/DeleteSweep'
import { lazy } from 'react'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 110,
  list: lazy(() => import('./TrashList.tsx')),
  icon: DeleteSweepIcon,
  recordRepresentation: 'nameZh',
} satisfies ResourceFolder
