// Where each figure of a record comes from: the field, the figure as the source words it, and the
// quoted sentence with a link to the source document. A figure edited since it was cited is marked
// 与来源不一致 (the stored value no longer matches the source) until an editor updates the citation
// or removes it. On a phone each citation is a card rather than a row of five columns.
import WarningIcon from '@mui/icons-material/ReportProblemOutlined'
import {
  Box,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material'
import { useState } from 'react'
import {
  Confirm,
  Link,
  useCreatePath,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { useMayChange } from './access.ts'
import { enumChoices } from './enums.ts'
import { TextButton } from './TextButton.tsx'

export interface Citation {
  id: string
  field: string
  statedAs: string | null
  qualifier: string
  quote: string
  /** False once the record's value was changed away from the cited one; null when it cannot be told. */
  matchesRecord?: boolean | null
  source: { id: string; nameZh: string; nameEn: string | null; file: string | null }
}

const UPDATE = `mutation UpdateCitation($id: ID!, $input: CitationInput!) {
  updateCitation(id: $id, input: $input) { id matchesRecord }
}`
const DELETE = 'mutation DeleteCitation($id: ID!) { deleteCitation(id: $id) }'

/** Update (it then vouches for the value the record holds now) or remove a citation. */
function CitationActions({ citation }: { citation: Citation }) {
  const translate = useTranslate()
  const dataProvider = useDataProvider<HubDataProvider>()
  const notify = useNotify()
  const refresh = useRefresh()
  const [editing, setEditing] = useState(false)
  const [removing, setRemoving] = useState(false)
  const [statedAs, setStatedAs] = useState(citation.statedAs ?? '')
  const [qualifier, setQualifier] = useState(citation.qualifier)
  const [quote, setQuote] = useState(citation.quote)
  async function run(document: string, variables: Record<string, unknown>, message: string) {
    try {
      await dataProvider.graphql(document, variables)
      notify(message, { type: 'success' })
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' })
    }
    setEditing(false)
    setRemoving(false)
    refresh()
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <TextButton label="hub.citations.update" size="small" onClick={() => setEditing(true)} />
      <TextButton label="hub.citations.remove" size="small" color="error" onClick={() => setRemoving(true)} />
      <Dialog open={editing} onClose={() => setEditing(false)} fullWidth maxWidth="sm" aria-labelledby="citation-title">
        <DialogTitle id="citation-title">{translate('hub.citations.updateTitle')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('hub.citations.updateHelp')}
          </Typography>
          <TextField
            fullWidth
            margin="dense"
            label={translate('hub.citations.statedAs')}
            value={statedAs}
            onChange={(event) => setStatedAs(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 100 } }}
          />
          <TextField
            select
            fullWidth
            margin="dense"
            label={translate('hub.citations.qualifier')}
            value={qualifier}
            onChange={(event) => setQualifier(event.target.value)}
          >
            {enumChoices('FigureQualifier').map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {translate(choice.name)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth
            multiline
            margin="dense"
            label={translate('hub.citations.quote')}
            value={quote}
            onChange={(event) => setQuote(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <TextButton label="ra.action.cancel" onClick={() => setEditing(false)} />
          <TextButton
            label="ra.action.save"
            variant="contained"
            onClick={() =>
              void run(UPDATE, { id: citation.id, input: { statedAs, qualifier, quote } }, 'hub.citations.updated')
            }
          />
        </DialogActions>
      </Dialog>
      <Confirm
        isOpen={removing}
        title="hub.citations.removeTitle"
        content="hub.citations.removeText"
        onConfirm={() => void run(DELETE, { id: citation.id }, 'hub.citations.removed')}
        onClose={() => setRemoving(false)}
      />
    </Stack>
  )
}

function Mismatch() {
  const translate = useTranslate()
  return (
    <Chip
      icon={<WarningIcon />}
      color="warning"
      size="small"
      variant="outlined"
      label={translate('hub.citations.mismatch')}
      title={translate('hub.citations.mismatchHelp')}
      data-testid="citation-mismatch"
    />
  )
}

export function CitationsTable({ source = 'citations' }: { source?: string }) {
  const record = useRecordContext()
  const resource = useResourceContext() as string
  const translate = useTranslate()
  const createPath = useCreatePath()
  const mayChange = useMayChange(resource)
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const citations = (record?.[source] as Citation[] | undefined) ?? []
  const editable = Boolean(record && mayChange('edit', record))
  if (!citations.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('hub.citations.empty')}
      </Typography>
    )
  }
  const fieldLabel = (citation: Citation) =>
    translate(`resources.${resource}.fields.${citation.field}`, { _: citation.field })
  const sourceLink = (citation: Citation) => (
    <Link to={createPath({ resource: 'sources', id: citation.source.id, type: 'show' })}>
      {citation.source.file ?? citation.source.nameZh}
    </Link>
  )
  if (phone) {
    return (
      <Stack spacing={1.5} data-testid="citations">
        {citations.map((citation) => (
          <Box
            key={citation.id}
            data-field={citation.field}
            sx={{ borderLeft: 3, borderColor: citation.matchesRecord === false ? 'warning.main' : 'divider', pl: 1.5 }}
          >
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="subtitle2">{fieldLabel(citation)}</Typography>
              <Typography variant="body2">{citation.statedAs}</Typography>
              <Typography variant="caption" color="text.secondary">
                {translate(`enums.FigureQualifier.${citation.qualifier}`)}
              </Typography>
              {citation.matchesRecord === false ? <Mismatch /> : null}
            </Stack>
            <Typography variant="body2" component="q" sx={{ display: 'block', my: 0.5 }}>
              {citation.quote}
            </Typography>
            <Typography variant="body2">{sourceLink(citation)}</Typography>
            {editable && citation.matchesRecord === false ? <CitationActions citation={citation} /> : null}
          </Box>
        ))}
      </Stack>
    )
  }
  return (
    // Scrolls sideways on a narrow screen rather than widening the page.
    <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto' }} data-testid="citations">
      <Table size="small" aria-label={translate('hub.citations.source')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('hub.citations.field')}</TableCell>
            <TableCell>{translate('hub.citations.statedAs')}</TableCell>
            <TableCell>{translate('hub.citations.qualifier')}</TableCell>
            <TableCell>{translate('hub.citations.quote')}</TableCell>
            <TableCell>{translate('hub.citations.source')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {citations.map((citation) => (
            <TableRow key={citation.id} data-field={citation.field}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{fieldLabel(citation)}</TableCell>
              <TableCell>
                <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                  <span>{citation.statedAs}</span>
                  {citation.matchesRecord === false ? <Mismatch /> : null}
                  {editable && citation.matchesRecord === false ? <CitationActions citation={citation} /> : null}
                </Stack>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {translate(`enums.FigureQualifier.${citation.qualifier}`)}
              </TableCell>
              <TableCell>
                <Typography variant="body2" component="q">
                  {citation.quote}
                </Typography>
              </TableCell>
              <TableCell>{sourceLink(citation)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
