import DeleteSweepIcon from '@mui/icons-material/DeleteSweep'
import { lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./TrashList.tsx')),
  icon: DeleteSweepIcon,
  recordRepresentation: 'nameZh',
}
