import KeyIcon from '@mui/icons-material/Key'
import { lazy } from 'react'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 140,
  list: lazy(() => import('./ApiKeyList.tsx')),
  create: lazy(() => import('./ApiKeyCreate.tsx')),
  show: lazy(() => import('./ApiKeyShow.tsx')),
  icon: KeyIcon,
  recordRepresentation: 'name',
} satisfies ResourceFolder
