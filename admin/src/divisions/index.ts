import AccountTreeIcon from '@mui/icons-material/AccountTree'
import { lazyForms, lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./DivisionList.tsx')),
  show: lazyPage(() => import('./DivisionShow.tsx')),
  ...lazyForms(() => import('./DivisionInputs.tsx')),
  icon: AccountTreeIcon,
  recordRepresentation: (record: { nameZh: string; code?: string | null }) =>
    record.code ? `${record.nameZh}（${record.code}）` : record.nameZh,
}
