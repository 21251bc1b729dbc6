import ApartmentIcon from '@mui/icons-material/Apartment'
import { lazyForms, lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./SettlementList.tsx')),
  show: lazyPage(() => import('./SettlementShow.tsx')),
  ...lazyForms(() => import('./SettlementInputs.tsx')),
  icon: ApartmentIcon,
  recordRepresentation: 'nameZh',
}
