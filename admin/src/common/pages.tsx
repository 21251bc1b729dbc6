// The frame every resource's pages share: lists with search, filters, saved queries, bulk delete,
// CSV export and import; create and edit pages that save pessimistically and show server errors
// beside their fields.
import { Card, CardContent } from '@mui/material'
import { type ComponentType, lazy, type ReactElement, type ReactNode, Suspense } from 'react'
import {
  BulkDeleteButton,
  Create,
  CreateButton,
  Datagrid,
  Edit,
  ExportButton,
  type Exporter,
  FilterButton,
  FilterList,
  FilterListItem,
  List,
  Pagination,
  SavedQueriesList,
  SimpleForm,
  TopToolbar,
  useResourceContext,
} from 'react-admin'
import { enumChoices } from './enums.ts'

const ImportButton = lazy(() => import('../import/ImportButton.tsx'))

/** CSV export of the filtered list in the import layout (code loaded when used). */
export const exporter: Exporter = async (records, fetchRelatedRecords, _dataProvider, resource) => {
  const { exportCsv } = await import('../import/export.ts')
  await exportCsv(resource as string, records, fetchRelatedRecords)
}

function ListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      <ExportButton maxResults={5000} />
      <Suspense fallback={null}>
        <ImportButton />
      </Suspense>
    </TopToolbar>
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
  return (
    <List
      filters={filters}
      sort={sort ?? { field: 'id', order: 'ASC' }}
      perPage={25}
      actions={<ListActions />}
      aside={<ListAside quickFilter={quickFilter} />}
      exporter={exporter}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100, 200]} />}
    >
      <Datagrid rowClick="show" bulkActionButtons={<BulkDeleteButton mutationMode="pessimistic" />}>
        {children}
      </Datagrid>
    </List>
  )
}

/** Create and edit pages around one shared set of inputs. */
export function formPages(Inputs: ComponentType) {
  return {
    create: () => (
      <Create redirect="show" mutationMode="pessimistic">
        <SimpleForm>
          <Inputs />
        </SimpleForm>
      </Create>
    ),
    edit: () => (
      <Edit redirect="show" mutationMode="pessimistic">
        <SimpleForm>
          <Inputs />
        </SimpleForm>
      </Edit>
    ),
  }
}
