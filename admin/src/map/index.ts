// The map: a page of its own (/map) and a panel the dashboard and division pages embed.
export { DivisionMap } from './DivisionMap.tsx'
export { MapPanel } from './MapPanel.tsx'
