import ElderlyIcon from '@mui/icons-material/Elderly'
import { lazy } from 'react'
import { lazyForms } from '../common/lazyPages.ts'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 80,
  list: lazy(() => import('./CareFacilityList.tsx')),
  show: lazy(() => import('./CareFacilityShow.tsx')),
  ...lazyForms(() => import('./CareFacilityInputs.tsx')),
  icon: ElderlyIcon,
  recordRepresentation: 'nameZh',
} satisfies ResourceFolder
