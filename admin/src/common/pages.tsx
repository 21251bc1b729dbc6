// The list every resource shares: search, filters, saved queries (kept on the hub), a column chooser,
// bulk edit and bulk delete (each at the versions listed), export and import — each only for the
// roles that may use them. On a phone the rows become a simple list of names with a few figures.
// Create and edit pages: forms.tsx.
import { Box, Card, CardContent, Stack, Typography, useMediaQuery, useTheme } from '@mui/material'
import { Children, isValidElement, lazy, type ReactElement, type ReactNode, Suspense } from 'react'
import {
  CreateButton,
  DatagridConfigurable,
  FilterButton,
  FilterList,
  FilterListItem,
  List,
  Pagination,
  SelectColumnsButton,
  SimpleList,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useListContext,
  useNavigate,
  useResourceContext,
  useTranslate,
} from 'react-admin'
import { PendingMark } from '../governance/PendingMark.tsx'
import { editable } from '../governance/reading.ts'
import { useReading } from '../governance/useReading.ts'
import { QualityBadge } from '../quality/QualityBadge.tsx'
import { useMayChange } from './access.ts'
import { enumChoices } from './enums.ts'
import { SavedQueries } from './savedQueries.tsx'
import { useShortcut } from './shortcuts.tsx'
import { BulkTrashButton } from './trash.tsx'

const ImportButton = lazy(() => import('../import/ImportButton.tsx'))
const ExportButton = lazy(() => import('../export/ExportButton.tsx'))
const BulkEditButton = lazy(() => import('./BulkEditButton.tsx'))

/** The key under which react-admin keeps a list's chosen columns. */
export const columnsKey = (resource: string) => `${resource}.datagrid`

/** "/" searches, "N" creates: never while an input method is composing, never inside an input. */
function ListShortcuts({ canCreate }: { canCreate: boolean }) {
  const resource = useResourceContext() as string
  const navigate = useNavigate()
  const createPath = useCreatePath()
  useShortcut('slash', () => document.querySelector<HTMLInputElement>('input[name="q"]')?.focus())
  useShortcut('n', () => {
    if (canCreate) navigate(createPath({ resource, type: 'create' }))
  })
  return null
}

function ListActions({ phone }: { phone: boolean }) {
  const resource = useResourceContext() as string
  const { canAccess: canImport } = useCanAccess({ action: 'import' })
  const { canAccess: canCreate } = useCanAccess({ action: 'create' })
  // Records are changed on the working copy, now: not while reading the published or a past copy.
  const changing = editable(useReading())
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <ListShortcuts canCreate={Boolean(canCreate) && changing} />
      <FilterButton />
      {changing ? <CreateButton /> : null}
      {phone ? null : <SelectColumnsButton preferenceKey={columnsKey(resource)} />}
      <SavedQueries compact />
      <Suspense fallback={null}>
        <ExportButton />
      </Suspense>
      {canImport && changing ? (
        <Suspense fallback={null}>
          <ImportButton />
        </Suspense>
      ) : null}
    </TopToolbar>
  )
}

/** One-click filters on an enum (kind, stage, role…), beside the list on wide screens. */
function ListAside({ quickFilter }: { quickFilter?: { source: string; enumName: string } }) {
  const resource = useResourceContext()
  if (!quickFilter) return null
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 220, flexShrink: 0, display: { xs: 'none', lg: 'block' } }}>
      <CardContent>
        <FilterList label={`resources.${resource}.fields.${quickFilter.source}`} icon={null}>
          {enumChoices(quickFilter.enumName).map((choice) => (
            <FilterListItem key={choice.id} label={choice.name} value={{ [quickFilter.source]: choice.id }} />
          ))}
        </FilterList>
      </CardContent>
    </Card>
  )
}

/** Bulk edit and delete, for the rows the operator may change. */
function BulkActions() {
  const resource = useResourceContext() as string
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource })
  const { canAccess: canDelete } = useCanAccess({ action: 'delete', resource })
  return (
    <>
      {canEdit ? (
        <Suspense fallback={null}>
          <BulkEditButton />
        </Suspense>
      ) : null}
      {canDelete ? <BulkTrashButton /> : null}
    </>
  )
}

/** A field's label as the list's column header shows it. */
function useLabel() {
  const resource = useResourceContext() as string
  const translate = useTranslate()
  return (field: ReactElement<{ source?: string; label?: string }>) => {
    const { source, label } = field.props
    return typeof label === 'string' ? translate(label) : translate(`resources.${resource}.fields.${source}`)
  }
}

/** A phone's row: the name, then the next columns as "label value" pairs that wrap as words. */
function PhoneRow({ fields }: { fields: ReactElement<{ source?: string; label?: string }>[] }) {
  const label = useLabel()
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }} component="span">
      {fields.map((field) => (
        <Box
          component="span"
          key={field.props.source}
          sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'baseline' }}
        >
          <Typography component="span" variant="caption" color="text.secondary">
            {label(field)}
          </Typography>
          <Typography component="span" variant="body2">
            {field}
          </Typography>
        </Box>
      ))}
    </Stack>
  )
}

export interface HubListProps {
  filters: ReactElement[]
  children: ReactNode
  sort?: { field: string; order: 'ASC' | 'DESC' }
  quickFilter?: { source: string; enumName: string }
}

/** How many columns after the name a phone shows under it. */
const PHONE_FIELDS = 3

function Rows({ children, phone }: { children: ReactNode; phone: boolean }) {
  const resource = useResourceContext() as string
  const mayChange = useMayChange(resource)
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource })
  const changing = editable(useReading())
  const fields = Children.toArray(children).filter(isValidElement) as ReactElement<{ source?: string }>[]
  if (phone) {
    return (
      <SimpleList
        primaryText={() => (
          <>
            {fields[0]}
            <PendingMark /> <QualityBadge />
          </>
        )}
        secondaryText={() => <PhoneRow fields={fields.slice(1, 1 + PHONE_FIELDS)} />}
        linkType="show"
        rowSx={() => ({ borderBottom: 1, borderColor: 'divider' })}
      />
    )
  }
  return (
    <DatagridConfigurable
      preferenceKey={columnsKey(resource)}
      rowClick="show"
      bulkActionButtons={canEdit && changing ? <BulkActions /> : false}
      // A scoped editor selects only records in their division: the rest cannot be changed.
      isRowSelectable={(record) => mayChange('edit', record)}
    >
      <PendingMark source="pendingChanges" label="hub.review.pendingColumn" sortable={false} />
      {children}
      <QualityBadge source="qualityIssues" label="quality.column" sortable={false} />
    </DatagridConfigurable>
  )
}

export function HubList({ filters, children, sort, quickFilter }: HubListProps) {
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  return (
    <List
      filters={filters}
      sort={sort ?? { field: 'id', order: 'ASC' }}
      perPage={25}
      actions={<ListActions phone={phone} />}
      aside={<ListAside quickFilter={quickFilter} />}
      pagination={<Pagination rowsPerPageOptions={phone ? [] : [10, 25, 50, 100, 200]} />}
      sx={{ '& .RaList-main': { minWidth: 0 } }}
    >
      <Rows phone={phone}>{children}</Rows>
    </List>
  )
}

/** The list context's state, for saved queries. */
export function useListState() {
  const { filterValues, sort, perPage, setFilters, setSort, setPerPage, displayedFilters } = useListContext()
  return { filterValues, sort, perPage, setFilters, setSort, setPerPage, displayedFilters }
}
