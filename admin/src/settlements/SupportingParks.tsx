// The parks built to employ a settlement's residents. IndustrialParkWhere cannot filter by
// supported settlement, so this reads the settlement's own `supportingParks` connection.
import { List, ListItem, ListItemText, Typography } from '@mui/material'
import { useQuery } from '@tanstack/react-query'
import { Link, useCreatePath, useDataProvider, useRecordContext, useTranslate } from 'react-admin'
import { FigureField } from '../common/FigureField.tsx'
import type { HubDataProvider } from '../providers/dataProvider.ts'

interface Park {
  id: string
  nameZh: string
  directJobs: number | null
}

export function SupportingParks(_props: { label: string }) {
  const record = useRecordContext()
  const dataProvider = useDataProvider<HubDataProvider>()
  const createPath = useCreatePath()
  const translate = useTranslate()
  const { data } = useQuery({
    queryKey: ['settlements', 'supportingParks', record?.id],
    enabled: Boolean(record?.id),
    queryFn: () =>
      dataProvider.graphql<{ node: { supportingParks: { nodes: Park[] } } | null }>(
        `query SupportingParks($id: ID!) {
          node(id: $id) { ... on Settlement { supportingParks(first: 50) { nodes { id nameZh directJobs } } } }
        }`,
        { id: record?.id },
      ),
  })
  const parks = data?.node?.supportingParks.nodes ?? []
  if (!parks.length) return <Typography variant="body2">{translate('hub.related.none')}</Typography>
  return (
    <List dense>
      {parks.map((park) => (
        <ListItem key={park.id} disableGutters>
          <ListItemText
            primary={
              <Link to={createPath({ resource: 'industrialParks', id: park.id, type: 'show' })}>{park.nameZh}</Link>
            }
            secondary={<FigureField source="directJobs" record={park} />}
          />
        </ListItem>
      ))}
    </List>
  )
}
