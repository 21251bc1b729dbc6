// Pieces every record page shows: names, the sources of its figures, location and bookkeeping.
import type { ReactNode } from 'react'
import {
  DateField,
  Labeled,
  NumberField,
  SelectField,
  Show,
  TabbedShowLayout,
  type TabProps,
  TextField,
} from 'react-admin'
import { CitationsTable } from './CitationsTable.tsx'
import { enumChoices } from './enums.ts'
import { HistoryTab } from './history.tsx'

/** The figures of a record, then where they come from. */
export function SummaryTab({ children, ...props }: Omit<TabProps, 'label'>) {
  return (
    <TabbedShowLayout.Tab {...props} label="hub.tabs.summary">
      <TextField source="nameZh" />
      <TextField source="nameEn" emptyText="—" />
      {children}
      <Labeled label="hub.tabs.citations" fullWidth>
        <CitationsTable />
      </Labeled>
    </TabbedShowLayout.Tab>
  )
}

export function LocationTab(props: Omit<TabProps, 'label' | 'children'>) {
  return (
    <TabbedShowLayout.Tab {...props} label="hub.tabs.location">
      <NumberField source="latitude" emptyText="—" options={{ maximumFractionDigits: 6 }} />
      <NumberField source="longitude" emptyText="—" options={{ maximumFractionDigits: 6 }} />
      <SelectField source="datum" choices={enumChoices('CoordinateDatum')} emptyText="—" />
      <TextField source="note" emptyText="—" />
      <DateField source="createdAt" showTime />
      <DateField source="updatedAt" showTime />
      <NumberField source="version" />
    </TabbedShowLayout.Tab>
  )
}

export function RelatedTab({ children, ...props }: Omit<TabProps, 'label'>) {
  return (
    <TabbedShowLayout.Tab {...props} label="hub.tabs.related">
      {children}
    </TabbedShowLayout.Tab>
  )
}

/**
 * A record page with a summary, optional related lists, location, and history. Tabs are addressed by the
 * `path` on the element TabbedShowLayout sees, so it is given here rather than inside each tab.
 */
export function RecordShow({ summary, related }: { summary: ReactNode; related?: ReactNode }) {
  return (
    <Show>
      <TabbedShowLayout>
        <SummaryTab>{summary}</SummaryTab>
        {related ? <RelatedTab path="related">{related}</RelatedTab> : null}
        <LocationTab path="location" />
        <HistoryTab path="history" />
      </TabbedShowLayout>
    </Show>
  )
}
