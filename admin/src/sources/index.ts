import MenuBookIcon from '@mui/icons-material/MenuBook'
import { lazyForms, lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./SourceList.tsx')),
  show: lazyPage(() => import('./SourceShow.tsx')),
  ...lazyForms(() => import('./SourceInputs.tsx')),
  icon: MenuBookIcon,
  recordRepresentation: 'nameZh',
}
