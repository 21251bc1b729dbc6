import ShowChartIcon from '@mui/icons-material/ShowChart'
import { lazy } from 'react'
import { lazyForms } from '../common/lazyPages.ts'
import type { ResourceFolder } from '../common/resourceFolder.ts'

export default {
  menuOrder: 90,
  list: lazy(() => import('./IndicatorList.tsx')),
  show: lazy(() => import('./IndicatorShow.tsx')),
  ...lazyForms(() => import('./IndicatorInputs.tsx')),
  icon: ShowChartIcon,
  recordRepresentation: 'nameZh',
} satisfies ResourceFolder
