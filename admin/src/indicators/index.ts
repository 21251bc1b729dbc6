import ShowChartIcon from '@mui/icons-material/ShowChart'
import { lazyForms, lazyPage } from '../common/lazyPages.ts'

export default {
  list: lazyPage(() => import('./IndicatorList.tsx')),
  show: lazyPage(() => import('./IndicatorShow.tsx')),
  ...lazyForms(() => import('./IndicatorInputs.tsx')),
  icon: ShowChartIcon,
  recordRepresentation: 'nameZh',
}
