import { lazy, Suspense } from 'react'
import { Admin, CustomRoutes, Resource } from 'react-admin'
import { Route } from 'react-router-dom'
import { resourcesOf } from './common/resourceFolder.ts'
import { HubLayout } from './layout/HubLayout.tsx'
import { darkTheme, lightTheme } from './layout/theme.ts'
import { createAuthProvider } from './providers/authProvider.ts'
import { createDataProvider } from './providers/dataProvider.ts'
import { i18nProvider } from './providers/i18nProvider.ts'

// Every folder with an index.ts describing a resource is one: a new record family needs its folder only.
const RESOURCES = resourcesOf(import.meta.glob('./*/index.ts', { eager: true }))

const getLocale = () => i18nProvider.getLocale()
const dataProvider = createDataProvider(getLocale)
const authProvider = createAuthProvider(getLocale)
const Dashboard = lazy(() => import('./dashboard/Dashboard.tsx'))
const LoginForm = lazy(() => import('./layout/LoginPage.tsx'))
const MapPage = lazy(() => import('./map/MapPage.tsx'))
const QualityPage = lazy(() => import('./quality/QualityPage.tsx'))

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
        <Route
          path="/quality"
          element={
            <Suspense fallback={null}>
              <QualityPage />
            </Suspense>
          }
        />
      </CustomRoutes>
      {RESOURCES.map(({ name, folder: { menuOrder: _, ...props } }) => (
        <Resource key={name} name={name} {...props} />
      ))}
    </Admin>
  )
}
