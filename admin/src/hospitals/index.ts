import LocalHospitalIcon from '@mui/icons-material/LocalHospital'
import { lazy } from 'react'
import { lazyForms } from '../common/lazyPages.ts'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 60,
  list: lazy(() => import('./HospitalList.tsx')),
  show: lazy(() => import('./HospitalShow.tsx')),
  ...lazyForms(() => import('./HospitalInputs.tsx')),
  icon: LocalHospitalIcon,
  recordRepresentation: 'nameZh',
} satisfies ResourceFolder
