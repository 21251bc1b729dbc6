import BusinessIcon from '@mui/icons-material/Business'
import { lazy } from 'react'
import { lazyForms } from '../common/lazyPages.ts'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 50,
  list: lazy(() => import('./EnterpriseList.tsx')),
  show: lazy(() => import('./EnterpriseShow.tsx')),
  ...lazyForms(() => import('./EnterpriseInputs.tsx')),
  icon: BusinessIcon,
  recordRepresentation: 'nameZh',
} satisfies ResourceFolder
