import ElderlyIcon from '@mui/icons-material/Elderly'
import { lazyForms, lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./CareFacilityList.tsx')),
  show: lazyPage(() => import('./CareFacilityShow.tsx')),
  ...lazyForms(() => import('./CareFacilityInputs.tsx')),
  icon: ElderlyIcon,
  recordRepresentation: 'nameZh',
}
