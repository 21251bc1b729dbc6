import { DateField, Show, TabbedShowLayout, TabbedShowLayoutTabs, TextField, UrlField } from 'react-admin'
import { HistoryTab } from '../common/history.tsx'
import { LocationTab, ShowActions } from '../common/show.tsx'
import { PendingNotice } from '../governance/PendingNotice.tsx'
import { CitedFigures } from './CitedFigures.tsx'

export default function SourceShow() {
  return (
    <Show actions={<ShowActions />}>
      <PendingNotice />
      <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" />}>
        <TabbedShowLayout.Tab label="hub.tabs.summary">
          <TextField source="nameZh" />
          <TextField source="nameEn" emptyText="—" />
          <TextField source="publisher" emptyText="—" />
          <DateField source="publishedOn" emptyText="—" />
          <UrlField source="url" emptyText="—" target="_blank" rel="noreferrer" />
          <TextField source="file" emptyText="—" />
          <CitedFigures label="hub.citations.citedBy" />
        </TabbedShowLayout.Tab>
        <LocationTab path="location" />
        <HistoryTab path="history" />
      </TabbedShowLayout>
    </Show>
  )
}
