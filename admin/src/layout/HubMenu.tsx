// The menu: the dashboard, the map, then every resource; the review queue (待审核) with how many
// change sets wait for the operator's review.
import MapIcon from '@mui/icons-material/Map'
import { Badge, Box } from '@mui/material'
import { useQuery } from '@tanstack/react-query'
import { Menu, useDataProvider, useGetResourceLabel, useResourceDefinitions } from 'react-admin'
import type { HubDataProvider } from '../providers/dataProvider.ts'

/** How often the queue's count is asked again (an approval here updates it at once). */
const COUNT_INTERVAL_MS = 30_000

function ReviewsLabel() {
  const dataProvider = useDataProvider<HubDataProvider>()
  const getLabel = useGetResourceLabel()
  const { data: count } = useQuery({
    queryKey: ['reviews', 'count'],
    queryFn: ({ signal }) => dataProvider.reviewCount(signal),
    refetchInterval: COUNT_INTERVAL_MS,
  })
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
      {getLabel('reviews', 2)}
      {count ? <Badge color="error" badgeContent={count} max={999} data-testid="review-count" sx={{ ml: 1 }} /> : null}
    </Box>
  )
}

export function HubMenu() {
  const resources = useResourceDefinitions()
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.Item to="/map" primaryText="map.menu" leftIcon={<MapIcon />} data-testid="menu-map" />
      {Object.keys(resources)
        .filter((name) => resources[name]?.hasList)
        .map((name) =>
          name === 'reviews' ? (
            <Menu.ResourceItem key={name} name={name} primaryText={<ReviewsLabel />} />
          ) : (
            <Menu.ResourceItem key={name} name={name} />
          ),
        )}
    </Menu>
  )
}
