// Saved queries, kept on the hub for each operator (and offered to everyone when shared): a list's
// filter, sort, page size and chosen columns, applied again in one click from any browser.
import BookmarkIcon from '@mui/icons-material/BookmarkBorder'
import DeleteIcon from '@mui/icons-material/DeleteOutline'
import {
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControlLabel,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  TextField,
} from '@mui/material'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  Button,
  useDataProvider,
  useListContext,
  useNotify,
  useResourceContext,
  useStore,
  useTranslate,
} from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { TextButton } from './TextButton.tsx'

export interface SavedQuery {
  id: string
  name: string
  shared: boolean
  mine: boolean
  ownerName: string
  params: {
    filter?: Record<string, unknown>
    sort?: { field: string; order: 'ASC' | 'DESC' }
    perPage?: number
    columns?: string[]
  }
}

const LIST = `query SavedQueries($resource: String!) {
  savedQueries(resource: $resource) { id name shared mine ownerName params }
}`
const SAVE = 'mutation SaveQuery($input: SavedQueryInput!) { saveQuery(input: $input) { id } }'
const DELETE = 'mutation DeleteSavedQuery($id: ID!) { deleteSavedQuery(id: $id) }'

export function SavedQueries(_props: { compact?: boolean }) {
  const resource = useResourceContext() as string
  const translate = useTranslate()
  const notify = useNotify()
  const dataProvider = useDataProvider<HubDataProvider>()
  const queryClient = useQueryClient()
  const { filterValues, displayedFilters, sort, perPage, setFilters, setSort, setPerPage } = useListContext()
  // The columns SelectColumnsButton keeps for this list (see pages.tsx).
  const [columns, setColumns] = useStore<string[] | undefined>(`preferences.${resource}.datagrid.columns`)
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [saving, setSaving] = useState(false)
  const [name, setName] = useState('')
  const [shared, setShared] = useState(false)
  const key = ['savedQueries', resource]
  const { data: queries = [] } = useQuery({
    queryKey: key,
    queryFn: async () => (await dataProvider.graphql<{ savedQueries: SavedQuery[] }>(LIST, { resource })).savedQueries,
  })

  function apply(query: SavedQuery) {
    setAnchor(null)
    const { filter = {}, sort: savedSort, perPage: savedPerPage, columns: savedColumns } = query.params
    setFilters(filter, Object.fromEntries(Object.keys(filter).map((field) => [field, true])))
    if (savedSort) setSort(savedSort)
    if (savedPerPage) setPerPage(savedPerPage)
    if (savedColumns) setColumns(savedColumns)
    notify('hub.savedQueries.applied', { type: 'info', messageArgs: { name: query.name } })
  }

  async function save() {
    try {
      await dataProvider.graphql(SAVE, {
        input: {
          resource,
          name: name.trim(),
          shared,
          params: { filter: filterValues, sort, perPage, ...(columns ? { columns } : {}) },
        },
      })
      notify('hub.savedQueries.saved', { type: 'success', messageArgs: { name: name.trim() } })
      setSaving(false)
      setName('')
      setShared(false)
      await queryClient.invalidateQueries({ queryKey: key })
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' })
    }
  }

  async function remove(query: SavedQuery) {
    try {
      await dataProvider.graphql(DELETE, { id: query.id })
      await queryClient.invalidateQueries({ queryKey: key })
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' })
    }
  }

  return (
    <>
      <Button label="hub.savedQueries.button" onClick={(event) => setAnchor(event.currentTarget)} aria-haspopup="menu">
        <BookmarkIcon />
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} data-testid="saved-queries">
        {queries.map((query) => (
          <MenuItem key={query.id} onClick={() => apply(query)}>
            <ListItemText
              primary={query.name}
              secondary={
                query.mine
                  ? query.shared
                    ? translate('hub.savedQueries.sharedByMe')
                    : null
                  : translate('hub.savedQueries.sharedBy', { name: query.ownerName })
              }
            />
            {query.mine ? (
              <IconButton
                edge="end"
                size="small"
                aria-label={translate('hub.savedQueries.delete', { name: query.name })}
                onClick={(event) => {
                  event.stopPropagation()
                  void remove(query)
                }}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            ) : null}
          </MenuItem>
        ))}
        {queries.length ? <Divider /> : null}
        <MenuItem
          onClick={() => {
            setAnchor(null)
            setSaving(true)
          }}
        >
          {translate('hub.savedQueries.saveCurrent')}
        </MenuItem>
      </Menu>
      <Dialog open={saving} onClose={() => setSaving(false)} aria-labelledby="save-query-title" fullWidth maxWidth="xs">
        <DialogTitle id="save-query-title">{translate('hub.savedQueries.saveCurrent')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={translate('hub.savedQueries.name')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 100, name: 'savedQueryName' } }}
          />
          <FormControlLabel
            control={<Checkbox checked={shared} onChange={(event) => setShared(event.target.checked)} />}
            label={translate('hub.savedQueries.share')}
          />
          {Object.keys(displayedFilters ?? {}).length === 0 && Object.keys(filterValues ?? {}).length === 0 ? (
            <DialogContent sx={{ px: 0, color: 'text.secondary' }}>
              {translate('hub.savedQueries.noFilter')}
            </DialogContent>
          ) : null}
        </DialogContent>
        <DialogActions>
          <TextButton label="ra.action.cancel" onClick={() => setSaving(false)} />
          <TextButton label="ra.action.save" variant="contained" disabled={!name.trim()} onClick={() => void save()} />
        </DialogActions>
      </Dialog>
    </>
  )
}
