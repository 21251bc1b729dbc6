import HomeWorkIcon from '@mui/icons-material/HomeWork'
import { lazy } from 'react'
import { lazyForms } from '../common/lazyPages.ts'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 30,
  list: lazy(() => import('./CommunityList.tsx')),
  show: lazy(() => import('./CommunityShow.tsx')),
  ...lazyForms(() => import('./CommunityInputs.tsx')),
  icon: HomeWorkIcon,
  recordRepresentation: 'nameZh',
} satisfies ResourceFolder
