import HistoryIcon from '@mui/icons-material/History'
import { lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./AuditEventList.tsx')),
  icon: HistoryIcon,
}
