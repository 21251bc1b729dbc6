import AccountTreeIcon from '@mui/icons-material/AccountTree'
import { lazy } from 'react'
import { lazyForms } from '../common/lazyPages.ts'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 10,
  list: lazy(() => import('./DivisionList.tsx')),
  show: lazy(() => import('./DivisionShow.tsx')),
  ...lazyForms(() => import('./DivisionInputs.tsx')),
  icon: AccountTreeIcon,
  recordRepresentation: (record: { nameZh: string; code?: string | null }) =>
    record.code ? `${record.nameZh}（${record.code}）` : record.nameZh,
} satisfies ResourceFolder
