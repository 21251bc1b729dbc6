import KeyIcon from '@mui/icons-material/Key'
import { lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./ApiKeyList.tsx')),
  create: lazyPage(() => import('./ApiKeyCreate.tsx')),
  icon: KeyIcon,
  recordRepresentation: 'name',
}
