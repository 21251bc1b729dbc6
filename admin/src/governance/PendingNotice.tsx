// On a record's page: the record has changes not yet published, in whose change set, with the way
// to it (the review page for reviewers, the author's own list otherwise).
import { Alert, Link } from '@mui/material'
import { useCanAccess, useCreatePath, useRecordContext, useTranslate } from 'react-admin'
import { Link as RouterLink } from 'react-router-dom'
import { useReading } from './useReading.ts'

interface Pending {
  changeSet: { id: string; status: string; authorName: string }
}

export function PendingNotice() {
  const record = useRecordContext()
  const translate = useTranslate()
  const createPath = useCreatePath()
  const reading = useReading()
  const { canAccess: reviewer } = useCanAccess({ resource: 'reviews', action: 'list' })
  const pending = (record?.pendingChanges as Pending[] | undefined) ?? []
  if (!pending.length || reading.asOfDay) return null
  return (
    <Alert severity="warning" sx={{ mb: 1 }} data-testid="pending-notice">
      {pending.map(({ changeSet }) => (
        <Link
          key={changeSet.id}
          component={RouterLink}
          to={createPath({ resource: reviewer ? 'reviews' : 'myChanges', id: changeSet.id, type: 'show' })}
          sx={{ display: 'block' }}
        >
          {translate('hub.review.pendingNotice', {
            author: changeSet.authorName,
            status: translate(`enums.ChangeSetStatus.${changeSet.status}`),
          })}
        </Link>
      ))}
    </Alert>
  )
}
