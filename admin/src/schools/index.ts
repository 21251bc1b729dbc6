import SchoolIcon from '@mui/icons-material/School'
import { lazy } from 'react'
import { lazyForms } from '../common/lazyPages.ts'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 70,
  list: lazy(() => import('./SchoolList.tsx')),
  show: lazy(() => import('./SchoolShow.tsx')),
  ...lazyForms(() => import('./SchoolInputs.tsx')),
  icon: SchoolIcon,
  recordRepresentation: 'nameZh',
} satisfies ResourceFolder
