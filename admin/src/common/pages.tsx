// The list every resource shares: search, filters, saved queries, bulk delete (to the trash, at
// the versions listed), CSV export and import, each only for the roles that may use them.
// Create and edit pages: forms.tsx.
import { Card, CardContent } from '@mui/material'
import { lazy, type ReactElement, type ReactNode, Suspense } from 'react'
import {
  BulkDeleteButton,
  CreateButton,
  Datagrid,
  FilterButton,
  FilterList,
  FilterListItem,
  List,
  Pagination,
  SavedQueriesList,
  TopToolbar,
  useCanAccess,
  useListContext,
  useResourceContext,
} from 'react-admin'
import { enumChoices } from './enums.ts'

const ImportButton = lazy(() => import('../import/ImportButton.tsx'))
const ExportButton = lazy(() => import('../export/ExportButton.tsx'))

function ListActions() {
  const { canAccess: canImport } = useCanAccess({ action: 'import' })
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      <Suspense fallback={null}>
        <ExportButton />
      </Suspense>
      {canImport ? (
        <Suspense fallback={null}>
          <ImportButton />
        </Suspense>
      ) : null}
    </TopToolbar>
  )
}

/** Moves the selected records to the trash, each at the version the list shows. */
function BulkDeleteWithVersions() {
  const { data, selectedIds } = useListContext()
  const versions = Object.fromEntries(
    (data ?? [])
      .filter((record) => selectedIds.includes(record.id) && typeof record.version === 'number')
      .map((record) => [String(record.id), record.version as number]),
  )
  return (
    <BulkDeleteButton
      mutationMode="pessimistic"
      mutationOptions={{ meta: { versions } }}
      successMessage="hub.trash.moved"
    />
  )
}

/** Saved queries, and one-click filters on an enum (kind, stage, role…). */
function ListAside({ quickFilter }: { quickFilter?: { source: string; enumName: string } }) {
  const resource = useResourceContext()
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 220, flexShrink: 0, display: { xs: 'none', lg: 'block' } }}>
      <CardContent>
        <SavedQueriesList />
        {quickFilter && (
          <FilterList label={`resources.${resource}.fields.${quickFilter.source}`} icon={null}>
            {enumChoices(quickFilter.enumName).map((choice) => (
              <FilterListItem key={choice.id} label={choice.name} value={{ [quickFilter.source]: choice.id }} />
            ))}
          </FilterList>
        )}
      </CardContent>
    </Card>
  )
}

export interface HubListProps {
  filters: ReactElement[]
  children: ReactNode
  sort?: { field: string; order: 'ASC' | 'DESC' }
  quickFilter?: { source: string; enumName: string }
}

export function HubList({ filters, children, sort, quickFilter }: HubListProps) {
  const { canAccess: canDelete } = useCanAccess({ action: 'delete' })
  return (
    <List
      filters={filters}
      sort={sort ?? { field: 'id', order: 'ASC' }}
      perPage={25}
      actions={<ListActions />}
      aside={<ListAside quickFilter={quickFilter} />}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100, 200]} />}
    >
      <Datagrid rowClick="show" bulkActionButtons={canDelete ? <BulkDeleteWithVersions /> : false}>
        {children}
      </Datagrid>
    </List>
  )
}
