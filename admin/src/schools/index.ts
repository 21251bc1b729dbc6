import SchoolIcon from '@mui/icons-material/School'
import { lazyForms, lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./SchoolList.tsx')),
  show: lazyPage(() => import('./SchoolShow.tsx')),
  ...lazyForms(() => import('./SchoolInputs.tsx')),
  icon: SchoolIcon,
  recordRepresentation: 'nameZh',
}
