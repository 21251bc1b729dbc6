// Where each figure of a record comes from: the field, the figure as the source words it, and the
// quoted sentence with a link to the source document.
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material'
import { Link, useCreatePath, useRecordContext, useResourceContext, useTranslate } from 'react-admin'

export interface Citation {
  id: string
  field: string
  statedAs: string | null
  qualifier: string
  quote: string
  source: { id: string; nameZh: string; nameEn: string | null; file: string | null }
}

export function CitationsTable({ source = 'citations' }: { source?: string }) {
  const record = useRecordContext()
  const resource = useResourceContext()
  const translate = useTranslate()
  const createPath = useCreatePath()
  const citations = (record?.[source] as Citation[] | undefined) ?? []
  if (!citations.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('hub.citations.empty')}
      </Typography>
    )
  }
  return (
    // Scrolls sideways on a narrow screen rather than widening the page.
    <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto' }}>
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
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {translate(`resources.${resource}.fields.${citation.field}`, { _: citation.field })}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{citation.statedAs}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {translate(`enums.FigureQualifier.${citation.qualifier}`)}
              </TableCell>
              <TableCell>
                <Typography variant="body2" component="q">
                  {citation.quote}
                </Typography>
              </TableCell>
              <TableCell>
                <Link to={createPath({ resource: 'sources', id: citation.source.id, type: 'show' })}>
                  {citation.source.file ?? citation.source.nameZh}
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
