import FactoryIcon from '@mui/icons-material/Factory'
import { lazy } from 'react'
import { lazyForms } from '../common/lazyPages.ts'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 40,
  list: lazy(() => import('./IndustrialParkList.tsx')),
  show: lazy(() => import('./IndustrialParkShow.tsx')),
  ...lazyForms(() => import('./IndustrialParkInputs.tsx')),
  icon: FactoryIcon,
  recordRepresentation: 'nameZh',
} satisfies ResourceFolder
