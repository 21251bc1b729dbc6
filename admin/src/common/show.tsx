// Pieces every record page shows: names, the sources of its figures, location and bookkeeping.
import type { ReactNode } from 'react'
import {
  DateField,
  EditButton,
  Labeled,
  NumberField,
  SelectField,
  Show,
  TabbedShowLayout,
  TabbedShowLayoutTabs,
  type TabProps,
  TextField,
  TopToolbar,
  useCreatePath,
  useNavigate,
  useRecordContext,
  useResourceContext,
} from 'react-admin'
import { PendingNotice } from '../governance/PendingNotice.tsx'
import { editable } from '../governance/reading.ts'
import { useReading } from '../governance/useReading.ts'
import { QualityNotice } from '../quality/QualityBadge.tsx'
import { useMayChange } from './access.ts'
import { CitationsTable } from './CitationsTable.tsx'
import { enumChoices } from './enums.ts'
import { HistoryTab } from './history.tsx'
import { useShortcut } from './shortcuts.tsx'
import { TrashButton } from './trash.tsx'

/** Edit and delete, only where the operator may change this record; "E" edits. */
export function ShowActions() {
  const record = useRecordContext()
  const resource = useResourceContext() as string
  const mayChange = useMayChange(resource)
  const navigate = useNavigate()
  const createPath = useCreatePath()
  // Only the working copy, now, is changed: not the published copy, nor a past day's.
  const changing = editable(useReading())
  const mayEdit = Boolean(record && mayChange('edit', record)) && changing
  useShortcut('e', () => {
    if (record && mayEdit) navigate(createPath({ resource, id: record.id, type: 'edit' }))
  })
  return (
    <TopToolbar>
      {mayEdit ? <EditButton /> : null}
      {changing ? <TrashButton /> : null}
    </TopToolbar>
  )
}

/** The figures of a record, then where they come from. */
export function SummaryTab({ children, ...props }: Omit<TabProps, 'label'>) {
  return (
    <TabbedShowLayout.Tab {...props} label="hub.tabs.summary">
      <QualityNotice />
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
    <Show actions={<ShowActions />}>
      <PendingNotice />
      <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" />}>
        <SummaryTab>{summary}</SummaryTab>
        {related ? <RelatedTab path="related">{related}</RelatedTab> : null}
        <LocationTab path="location" />
        <HistoryTab path="history" />
      </TabbedShowLayout>
    </Show>
  )
}
