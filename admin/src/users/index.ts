import PeopleIcon from '@mui/icons-material/People'
import { lazy } from 'react'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 130,
  list: lazy(() => import('./UserList.tsx')),
  create: lazy(() => import('./UserPages.tsx').then((module) => ({ default: module.UserCreate }))),
  edit: lazy(() => import('./UserPages.tsx').then((module) => ({ default: module.UserEdit }))),
  icon: PeopleIcon,
  recordRepresentation: 'username',
} satisfies ResourceFolder
