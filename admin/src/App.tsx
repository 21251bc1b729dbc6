import { lazy, Suspense } from 'react'
import { Admin, CustomRoutes, Resource } from 'react-admin'
import { Route } from 'react-router-dom'
import apiKeys from './apiKeys/index.ts'
import auditEvents from './auditEvents/index.ts'
import careFacilities from './careFacilities/index.ts'
import communities from './communities/index.ts'
import divisions from './divisions/index.ts'
import enterprises from './enterprises/index.ts'
import hospitals from './hospitals/index.ts'
import indicators from './indicators/index.ts'
import industrialParks from './industrialParks/index.ts'
import { HubLayout } from './layout/HubLayout.tsx'
import { darkTheme, lightTheme } from './layout/theme.ts'
import { createAuthProvider } from './providers/authProvider.ts'
import { createDataProvider } from './providers/dataProvider.ts'
import { i18nProvider } from './providers/i18nProvider.ts'
import schools from './schools/index.ts'
import settlements from './settlements/index.ts'
import sources from './sources/index.ts'
import trash from './trash/index.ts'
import users from './users/index.ts'

const getLocale = () => i18nProvider.getLocale()
const dataProvider = createDataProvider(getLocale)
const authProvider = createAuthProvider(getLocale)
const Dashboard = lazy(() => import('./dashboard/Dashboard.tsx'))
const LoginForm = lazy(() => import('./layout/LoginPage.tsx'))
const MapPage = lazy(() => import('./map/MapPage.tsx'))

/** The sign-in page loads only when someone needs to sign in. */
function LoginPage() {
  return (
    <Suspense fallback={null}>
      <LoginForm />
    </Suspense>
  )
}

export function App() {
  return (
    <Admin
      title="hub.title"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={HubLayout}
      dashboard={Dashboard}
      theme={lightTheme}
      darkTheme={darkTheme}
      disableTelemetry
      requireAuth
    >
      <CustomRoutes>
        <Route
          path="/map"
          element={
            <Suspense fallback={null}>
              <MapPage />
            </Suspense>
          }
        />
      </CustomRoutes>
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
      <Resource name="trash" {...trash} />
      <Resource name="auditEvents" {...auditEvents} />
      <Resource name="users" {...users} />
      <Resource name="apiKeys" {...apiKeys} />
    </Admin>
  )
}
