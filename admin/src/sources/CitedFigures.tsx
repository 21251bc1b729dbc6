// The figures that cite a source, each linked to its record (Source.citations is a connection).
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import { useQuery } from '@tanstack/react-query'
import { Link, useCreatePath, useDataProvider, useRecordContext, useTranslate } from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { resourceOfType } from '../providers/resources.ts'

interface CitationRow {
  id: string
  field: string
  statedAs: string | null
  qualifier: string
  quote: string
  recordId: string
  recordType: string
}

export function CitedFigures(_props: { label: string }) {
  const record = useRecordContext()
  const dataProvider = useDataProvider<HubDataProvider>()
  const translate = useTranslate()
  const createPath = useCreatePath()
  const { data } = useQuery({
    queryKey: ['sources', 'citations', record?.id],
    enabled: Boolean(record?.id),
    queryFn: () =>
      dataProvider.graphql<{ node: { citations: { totalCount: number; nodes: CitationRow[] } } | null }>(
        `query CitedFigures($id: ID!) {
          node(id: $id) { ... on Source { citations(first: 200) { totalCount nodes { id field statedAs qualifier quote recordId recordType } } } }
        }`,
        { id: record?.id },
      ),
  })
  const rows = data?.node?.citations.nodes ?? []
  if (!rows.length) return <Typography variant="body2">{translate('hub.related.none')}</Typography>
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('hub.citations.field')}</TableCell>
          <TableCell>{translate('hub.citations.statedAs')}</TableCell>
          <TableCell>{translate('hub.citations.quote')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const resource =
            resourceOfType(row.recordType) ?? (row.recordType === 'IndicatorObservation' ? 'indicators' : undefined)
          const label = resource
            ? `${translate(`resources.${resource}.name`, { smart_count: 1 })} · ${translate(`resources.${resource}.fields.${row.field}`, { _: row.field })}`
            : `${row.recordType} · ${row.field}`
          return (
            <TableRow key={row.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {resource && resource !== 'indicators' ? (
                  <Link to={createPath({ resource, id: row.recordId, type: 'show' })}>{label}</Link>
                ) : (
                  label
                )}
              </TableCell>
              <TableCell>{row.statedAs}</TableCell>
              <TableCell>{row.quote}</TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
