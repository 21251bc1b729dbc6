import { RecordContextProvider, useRecordContext } from 'react-admin'
import type { Citation } from '../common/CitationsTable.tsx'
import { CitationsTable } from '../common/CitationsTable.tsx'

interface ObservationWithCitations {
  year: number
  quarter: number | null
  citations: Citation[]
}

/** An indicator cites its sources per observation; this lists them all, one row per period. */
export function ObservationCitations(_props: { label: string }) {
  const record = useRecordContext()
  const observations = (record?.observations as ObservationWithCitations[] | undefined) ?? []
  const citations = observations.flatMap((observation) =>
    observation.citations.map((citation) => ({
      ...citation,
      field: observation.quarter ? `${observation.year} Q${observation.quarter}` : String(observation.year),
    })),
  )
  return (
    <RecordContextProvider value={{ id: record?.id ?? '', citations }}>
      <CitationsTable />
    </RecordContextProvider>
  )
}
