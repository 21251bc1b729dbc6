import ApartmentIcon from '@mui/icons-material/Apartment'
import { lazy } from 'react'
import { lazyForms } from '../common/lazyPages.ts'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 20,
  list: lazy(() => import('./SettlementList.tsx')),
  show: lazy(() => import('./SettlementShow.tsx')),
  ...lazyForms(() => import('./SettlementInputs.tsx')),
  icon: ApartmentIcon,
  recordRepresentation: 'nameZh',
} satisfies ResourceFolder
