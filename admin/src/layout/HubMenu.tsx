// The menu: the dashboard, the map, then every resource.
import MapIcon from '@mui/icons-material/Map'
import { Menu } from 'react-admin'

export function HubMenu() {
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.Item to="/map" primaryText="map.menu" leftIcon={<MapIcon />} data-testid="menu-map" />
      <Menu.ResourceItems />
    </Menu>
  )
}
