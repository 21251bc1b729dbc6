import MenuBookIcon from '@mui/icons-material/MenuBook'
import { lazy } from 'react'
import { lazyForms } from '../common/lazyPages.ts'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 100,
  list: lazy(() => import('./SourceList.tsx')),
  show: lazy(() => import('./SourceShow.tsx')),
  ...lazyForms(() => import('./SourceInputs.tsx')),
  icon: MenuBookIcon,
  recordRepresentation: 'nameZh',
} satisfies ResourceFolder
