import { lazy } from 'react'
import { Admin, defaultDarkTheme, defaultLightTheme, Resource } from 'react-admin'
import careFacilities from './careFacilities/index.ts'
import communities from './communities/index.ts'
import divisions from './divisions/index.ts'
import enterprises from './enterprises/index.ts'
import hospitals from './hospitals/index.ts'
import indicators from './indicators/index.ts'
import industrialParks from './industrialParks/index.ts'
import { createDataProvider } from './providers/dataProvider.ts'
import { i18nProvider } from './providers/i18nProvider.ts'
import schools from './schools/index.ts'
import settlements from './settlements/index.ts'
import sources from './sources/index.ts'

const dataProvider = createDataProvider(() => i18nProvider.getLocale())
const Dashboard = lazy(() => import('./dashboard/Dashboard.tsx'))

export function App() {
  return (
    <Admin
      title="hub.title"
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      theme={defaultLightTheme}
      darkTheme={defaultDarkTheme}
      disableTelemetry
      requireAuth={false}
    >
      <Resource name="divisions" {...divisions} />
      <Resource name="settlements" {...settlements} />
      <Resource name="communities" {...communities} />
      <Resource name="industrialParks" {...industrialParks} />
      <Resource name="enterprises" {...enterprises} />
      <Resource name="hospitals" {...hospitals} />
      <Resource name="schools" {...schools} />
      <Resource name="careFacilities" {...careFacilities} />
      <Resource name="indicators" {...indicators} />
      <Resource name="sources" {...sources} />
    </Admin>
  )
}
