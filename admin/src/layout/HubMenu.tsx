// The menu: the dashboard, the map, data quality, then every resource.
import MapIcon from '@mui/icons-material/Map'
import RuleIcon from '@mui/icons-material/Rule'
import { Menu } from 'react-admin'

export function HubMenu() {
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.Item to="/map" primaryText="map.menu" leftIcon={<MapIcon />} data-testid="menu-map" />
      <Menu.Item to="/quality" primaryText="quality.menu" leftIcon={<RuleIcon />} data-testid="menu-quality" />
      <Menu.ResourceItems />
    </Menu>
  )
}
