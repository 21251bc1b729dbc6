import BusinessIcon from '@mui/icons-material/Business'
import { lazyForms, lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./EnterpriseList.tsx')),
  show: lazyPage(() => import('./EnterpriseShow.tsx')),
  ...lazyForms(() => import('./EnterpriseInputs.tsx')),
  icon: BusinessIcon,
  recordRepresentation: 'nameZh',
}
