import FactoryIcon from '@mui/icons-material/Factory'
import { lazyForms, lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./IndustrialParkList.tsx')),
  show: lazyPage(() => import('./IndustrialParkShow.tsx')),
  ...lazyForms(() => import('./IndustrialParkInputs.tsx')),
  icon: FactoryIcon,
  recordRepresentation: 'nameZh',
}
