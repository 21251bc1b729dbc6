// Export of the list as filtered and sorted: Excel (.xlsx) or CSV, with Chinese headers and labels
// (or English, in the English console), optionally with the hub's global IDs for other systems.
import DownloadIcon from '@mui/icons-material/GetApp'
import { Checkbox, Divider, FormControlLabel, ListItemText, Menu, MenuItem } from '@mui/material'
import { useState } from 'react'
import {
  Button,
  useDataProvider,
  useListContext,
  useLocaleState,
  useNotify,
  useResourceContext,
  useTranslate,
} from 'react-admin'
import { isChinese } from '../format.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'

export default function ExportButton() {
  const resource = useResourceContext() as string
  const { filterValues, sort, total } = useListContext()
  const dataProvider = useDataProvider<HubDataProvider>()
  const translate = useTranslate()
  const notify = useNotify()
  const [locale] = useLocaleState()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [globalIds, setGlobalIds] = useState(false)
  const [busy, setBusy] = useState(false)

  async function save(format: 'xlsx' | 'csv') {
    setAnchor(null)
    setBusy(true)
    try {
      const { exportRecords, MAX_EXPORT } = await import('./exportRecords.ts')
      if ((total ?? 0) > MAX_EXPORT) notify('hub.export.tooMany', { type: 'warning', messageArgs: { max: MAX_EXPORT } })
      const { rows, filename } = await exportRecords(dataProvider, translate, {
        resource,
        filter: filterValues,
        sort,
        format,
        globalIds,
        language: isChinese(locale) ? 'zh' : 'en',
      })
      notify('hub.export.done', { type: 'info', messageArgs: { rows, filename } })
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button
        label="ra.action.export"
        onClick={(event) => setAnchor(event.currentTarget)}
        disabled={busy || total === 0}
        aria-haspopup="menu"
      >
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void save('xlsx')}>
          <ListItemText primary={translate('hub.export.xlsx')} />
        </MenuItem>
        <MenuItem onClick={() => void save('csv')}>
          <ListItemText primary={translate('hub.export.csv')} />
        </MenuItem>
        <Divider />
        <MenuItem dense disableRipple onClick={() => setGlobalIds(!globalIds)}>
          <FormControlLabel
            control={<Checkbox size="small" checked={globalIds} tabIndex={-1} />}
            label={translate('hub.export.globalIds')}
            onClick={(event) => event.preventDefault()}
          />
        </MenuItem>
      </Menu>
    </>
  )
}
