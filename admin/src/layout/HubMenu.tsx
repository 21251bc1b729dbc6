// The menu: the dashboard, the map, data quality, then every resource; the review queue (待审核) with how many
// change sets wait for the operator's review, and 我的修改 with how many were returned to them.
import MapIcon from '@mui/icons-material/Map'
import RuleIcon from '@mui/icons-material/Rule'
import { Badge, Box } from '@mui/material'
import { useQuery } from '@tanstack/react-query'
import { Menu, useDataProvider, useGetResourceLabel, useResourceDefinitions } from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'

/** How often the counts are asked again (a step of review here updates them at once). */
const COUNT_INTERVAL_MS = 30_000

const COUNTED = ['reviews', 'myChanges'] as const
type Counted = (typeof COUNTED)[number]

function CountedLabel({ resource }: { resource: Counted }) {
  const dataProvider = useDataProvider<HubDataProvider>()
  const getLabel = useGetResourceLabel()
  const { data: count } = useQuery({
    queryKey: [resource, 'count'],
    queryFn: ({ signal }) => dataProvider.waitingCount(resource, signal),
    refetchInterval: COUNT_INTERVAL_MS,
  })
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
      {getLabel(resource, 2)}
      {count ? (
        <Badge
          color={resource === 'reviews' ? 'error' : 'warning'}
          badgeContent={count}
          max={999}
          data-testid={`${resource}-count`}
          sx={{ ml: 1 }}
        />
      ) : null}
    </Box>
  )
}

const isCounted = (name: string): name is Counted => (COUNTED as readonly string[]).includes(name)

export function HubMenu() {
  const resources = useResourceDefinitions()
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.Item to="/map" primaryText="map.menu" leftIcon={<MapIcon />} data-testid="menu-map" />
      <Menu.Item to="/quality" primaryText="quality.menu" leftIcon={<RuleIcon />} data-testid="menu-quality" />
      {Object.keys(resources)
        .filter((name) => resources[name]?.hasList)
        .map((name) =>
          isCounted(name) ? (
            <Menu.ResourceItem key={name} name={name} primaryText={<CountedLabel resource={name} />} />
          ) : (
            <Menu.ResourceItem key={name} name={name} />
          ),
        )}
    </Menu>
  )
}
