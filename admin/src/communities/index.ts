import HomeWorkIcon from '@mui/icons-material/HomeWork'
import { lazyForms, lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./CommunityList.tsx')),
  show: lazyPage(() => import('./CommunityShow.tsx')),
  ...lazyForms(() => import('./CommunityInputs.tsx')),
  icon: HomeWorkIcon,
  recordRepresentation: 'nameZh',
}
