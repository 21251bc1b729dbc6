import type { ReactNode } from 'react'
import { Datagrid, Pagination, ReferenceManyField } from 'react-admin'

/** Records of another resource that point at this one (`target` is a filter: settlementId, withinDivision…). */
export function RelatedList({
  reference,
  target,
  children,
}: {
  reference: string
  target: string
  label: string
  children: ReactNode
}) {
  return (
    <ReferenceManyField
      reference={reference}
      target={target}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<span>—</span>}>
        {children}
      </Datagrid>
    </ReferenceManyField>
  )
}
