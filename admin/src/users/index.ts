import PeopleIcon from '@mui/icons-material/People'
import { lazy } from 'react'
import { lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./UserList.tsx')),
  create: lazy(() => import('./UserPages.tsx').then((module) => ({ default: module.UserCreate }))),
  edit: lazy(() => import('./UserPages.tsx').then((module) => ({ default: module.UserEdit }))),
  icon: PeopleIcon,
  recordRepresentation: 'username',
}
