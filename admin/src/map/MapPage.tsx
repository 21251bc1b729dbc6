// The map page (地图): the whole city, with the figure menu, the legend and the facilities.
import { Box } from '@mui/material'
import { Title } from 'react-admin'
import { MapPanel } from './MapPanel.tsx'

export default function MapPage() {
  return (
    <Box sx={{ mt: 1 }}>
      <Title title="map.title" />
      <MapPanel height="calc(100vh - 220px)" />
    </Box>
  )
}
