import LocalHospitalIcon from '@mui/icons-material/LocalHospital'
import { lazyForms, lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./HospitalList.tsx')),
  show: lazyPage(() => import('./HospitalShow.tsx')),
  ...lazyForms(() => import('./HospitalInputs.tsx')),
  icon: LocalHospitalIcon,
  recordRepresentation: 'nameZh',
}
