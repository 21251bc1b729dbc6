// One change set: who made it, why, where it stands (with the reviewer's reason when returned),
// then each record it changes with its fields as published beside its fields as changed (the
// History tab's table), and the steps the operator may take. Shared by the review queue and the
// author's own list: the hub says which steps are open to whom (canReview, canManage).
import EditIcon from '@mui/icons-material/Edit'
import { Alert, AlertTitle, Box, Card, CardContent, Chip, Link, Paper, Stack, Typography } from '@mui/material'
import { Button, Show, TopToolbar, useCreatePath, useLocaleState, useRecordContext, useTranslate } from 'react-admin'
import { Link as RouterLink } from 'react-router-dom'
import { ChangesTable } from '../common/history.tsx'
import { resourceOfType } from '../providers/resources.ts'
import { StepButton } from './reviewActions.tsx'
import { STATUS_COLOURS } from './status.ts'

export interface ChangeRow {
  recordType: string
  recordId: string
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE'
  fields: Record<string, { before: unknown; after: unknown }>
  baseVersion: number | null
  version: number
  record: { __typename: string; id: string; nameZh?: string; nameEn?: string | null } | null
}

const ACTION_COLOURS: Record<ChangeRow['action'], 'success' | 'info' | 'error' | 'warning'> = {
  CREATE: 'success',
  UPDATE: 'info',
  DELETE: 'error',
  RESTORE: 'warning',
}

/** The steps open to this operator on this set. */
function ChangeSetActions() {
  const set = useRecordContext()
  if (!set) return null
  const reopen = set.status === 'REJECTED' || set.status === 'DRAFT'
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      {set.canReview ? (
        <>
          <StepButton step="approve" set={set} />
          <StepButton step="reject" set={set} />
        </>
      ) : null}
      {set.canManage ? (
        <>
          {reopen ? <StepButton step="submit" set={set} /> : null}
          <StepButton step="withdraw" set={set} />
        </>
      ) : null}
    </TopToolbar>
  )
}

function ChangeCard({ change, amend }: { change: ChangeRow; amend: boolean }) {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const createPath = useCreatePath()
  const resource = resourceOfType(change.recordType)
  const name =
    (locale === 'en' && change.record?.nameEn) || change.record?.nameZh || translate('hub.review.removedRecord')
  const typeLabel = resource ? translate(`resources.${resource}.name`, { smart_count: 1 }) : change.recordType
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="change">
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 1 }}>
        <Chip
          size="small"
          color={ACTION_COLOURS[change.action]}
          label={translate(`hub.review.actions.${change.action}`)}
        />
        <Typography variant="body2" color="text.secondary">
          {typeLabel}
        </Typography>
        {resource && change.record ? (
          <Link component={RouterLink} to={createPath({ resource, id: change.recordId, type: 'show' })}>
            <Typography variant="body1" fontWeight="bold" component="span">
              {name}
            </Typography>
          </Link>
        ) : (
          <Typography variant="body1" fontWeight="bold">
            {name}
          </Typography>
        )}
        <Typography variant="body2" color="text.secondary">
          {change.baseVersion != null
            ? translate('hub.review.versions', { base: change.baseVersion, version: change.version })
            : translate('hub.review.newRecord')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {amend && resource && change.record ? (
          // Amending: a further edit of the record joins this set, which is then resubmitted.
          <Button
            label="hub.review.amend"
            component={RouterLink}
            to={createPath({ resource, id: change.recordId, type: 'edit' })}
            data-testid="amend"
          >
            <EditIcon />
          </Button>
        ) : null}
      </Stack>
      {resource ? <ChangesTable resource={resource} changes={change.fields} /> : null}
    </Paper>
  )
}

function ChangeSetBody() {
  const set = useRecordContext()
  const translate = useTranslate()
  const [locale] = useLocaleState()
  if (!set) return null
  const when = (value: unknown) => (value ? new Date(String(value)).toLocaleString(locale) : '—')
  const changes = (set.changes ?? []) as ChangeRow[]
  const history = (set.history ?? []) as {
    id: string
    at: string
    actorName: string
    action: string
    reason: string | null
  }[]
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Card>
        <CardContent>
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 1 }}>
            <Chip
              color={STATUS_COLOURS[set.status] ?? 'default'}
              label={translate(`enums.ChangeSetStatus.${set.status}`)}
              data-testid="set-status"
            />
            <Typography variant="body2">{translate(`enums.ChangeSetOrigin.${set.origin}`)}</Typography>
            <Typography variant="body2" fontWeight="bold">
              {set.authorName}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('hub.review.submittedAt', { at: when(set.submittedAt ?? set.createdAt) })}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('hub.review.changeCount', { smart_count: set.changeCount })}
            </Typography>
          </Stack>
          <Typography variant="body1">{set.note || translate('hub.review.noNote')}</Typography>
        </CardContent>
      </Card>
      {set.status === 'REJECTED' ? (
        <Alert severity="error" data-testid="rejection">
          <AlertTitle>
            {translate('hub.review.rejectedBy', { name: set.reviewerName ?? '—', at: when(set.reviewedAt) })}
          </AlertTitle>
          {translate('hub.review.reasonLine', { reason: set.reviewReason ?? '—' })}
        </Alert>
      ) : null}
      {set.status === 'APPROVED' ? (
        <Alert severity="success">
          {translate('hub.review.approvedBy', { name: set.reviewerName ?? '—', at: when(set.reviewedAt) })}
        </Alert>
      ) : null}
      {set.canManage && set.status === 'REJECTED' ? (
        <Alert severity="info">{translate('hub.review.amendHelp')}</Alert>
      ) : null}
      {changes.map((change) => (
        <ChangeCard key={`${change.recordType}:${change.recordId}`} change={change} amend={Boolean(set.canManage)} />
      ))}
      {history.length ? (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {translate('hub.review.setHistory')}
          </Typography>
          {history.map((event) => (
            <Typography key={event.id} variant="body2">
              {when(event.at)} · {event.actorName} ·{' '}
              {translate(`enums.AuditAction.${event.action}`, { _: event.action })}
              {event.reason ? ` · ${translate('hub.history.reasonLine', { reason: event.reason })}` : ''}
            </Typography>
          ))}
        </Paper>
      ) : null}
    </Stack>
  )
}

export default function ChangeSetShow() {
  return (
    <Show actions={<ChangeSetActions />} component="div" title="hub.review.setTitle">
      <ChangeSetBody />
    </Show>
  )
}
