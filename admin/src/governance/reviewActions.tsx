// The steps of review as buttons: approve and reject (reviewers, never their own set), withdraw and
// resubmit (the author). Each is sent at the version of the set the page showed; the hub's typed
// refusals (SELF_REVIEW, NOT_PENDING, CONFLICT, PERIOD_LOCKED, REFERENCE_NOT_PUBLISHED…) are shown
// in its own words, which name what is wrong, in the reader's language.
import CheckIcon from '@mui/icons-material/Check'
import CloseIcon from '@mui/icons-material/Close'
import SendIcon from '@mui/icons-material/Send'
import UndoIcon from '@mui/icons-material/Undo'
import { Button as MuiButton } from '@mui/material'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  Button,
  type RaRecord,
  useDataProvider,
  useListContext,
  useNotify,
  useRedirect,
  useRefresh,
  useResourceContext,
  useTranslate,
  useUnselectAll,
} from 'react-admin'
import { ReasonDialog } from '../common/ReasonDialog.tsx'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import type { ReviewStep } from '../providers/operators/changeSets.ts'

/** The hub's own message for a refused step (HttpError keeps it as serverMessage). */
export function refusalMessage(error: unknown): string {
  const body = (error as { body?: { serverMessage?: string } } | null)?.body
  return body?.serverMessage || (error as Error).message || 'ra.notification.http_error'
}

/** After a step: the queue's count, the lists and this page read again. */
function useAfterStep() {
  const queryClient = useQueryClient()
  const refresh = useRefresh()
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['reviews'] })
    await queryClient.invalidateQueries({ queryKey: ['myChanges'] })
    refresh()
  }
}

const ICONS: Record<ReviewStep, typeof CheckIcon> = {
  approve: CheckIcon,
  reject: CloseIcon,
  withdraw: UndoIcon,
  submit: SendIcon,
}

/**
 * One step on one set, after a dialog: rejection asks for its reason (required); the others for
 * an optional note.
 */
export function StepButton({ step, set }: { step: ReviewStep; set: RaRecord }) {
  const translate = useTranslate()
  const notify = useNotify()
  const redirect = useRedirect()
  const resource = useResourceContext() as string
  const dataProvider = useDataProvider<HubDataProvider>()
  const afterStep = useAfterStep()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [tried, setTried] = useState(false)
  const Icon = ICONS[step]
  const missingReason = step === 'reject' && !reason.trim()

  async function confirm() {
    setTried(true)
    if (missingReason) return
    setBusy(true)
    try {
      await dataProvider.reviewStep(step, set.id, set.version as number, reason)
      notify(`hub.review.done.${step}`, { type: 'success' })
      setOpen(false)
      await afterStep()
      // An approved, rejected or withdrawn set leaves the list it was in.
      if (step !== 'submit') redirect('list', resource)
    } catch (error) {
      notify(refusalMessage(error), { type: 'error', messageArgs: { _: refusalMessage(error) } })
      await afterStep()
    }
    setBusy(false)
  }

  return (
    <>
      {/* Words as well as the icon, on a phone too: these steps must not be guessed. */}
      <MuiButton
        size="small"
        startIcon={<Icon />}
        variant={step === 'approve' ? 'contained' : 'outlined'}
        color={step === 'reject' || step === 'withdraw' ? 'error' : 'primary'}
        onClick={() => setOpen(true)}
        data-testid={`review-${step}`}
        sx={{ textTransform: 'none' }}
      >
        {translate(`hub.review.${step}`)}
      </MuiButton>
      <ReasonDialog
        open={open}
        onClose={() => setOpen(false)}
        busy={busy}
        tried={tried}
        reason={reason}
        onReasonChange={setReason}
        required={step === 'reject'}
        title={translate(`hub.review.${step}Title`)}
        text={translate(`hub.review.${step}Text`)}
        name="reviewReason"
        label={translate(step === 'reject' ? 'hub.review.rejectReason' : 'hub.review.note')}
        confirmLabel={`hub.review.${step}Confirm`}
        confirmColor={step === 'reject' || step === 'withdraw' ? 'error' : 'primary'}
        onConfirm={confirm}
        confirmTestId={`confirm-${step}`}
      />
    </>
  )
}

/** Approves every selected set the operator may review, one by one; says how many went through. */
export function BulkApproveButton() {
  const { data = [], selectedIds, resource } = useListContext()
  const notify = useNotify()
  const dataProvider = useDataProvider<HubDataProvider>()
  const unselectAll = useUnselectAll(resource)
  const afterStep = useAfterStep()
  const [busy, setBusy] = useState(false)
  async function approveAll() {
    setBusy(true)
    const sets = data.filter((set) => selectedIds.includes(set.id))
    let approved = 0
    const refusals: string[] = []
    for (const set of sets) {
      try {
        await dataProvider.reviewStep('approve', set.id, set.version as number)
        approved++
      } catch (error) {
        refusals.push(refusalMessage(error))
      }
    }
    const failed = refusals.length
    notify(failed ? 'hub.review.bulkPartly' : 'hub.review.bulkDone', {
      type: failed ? 'warning' : 'success',
      messageArgs: { smart_count: approved, failed, first: refusals[0] ?? '' },
    })
    unselectAll()
    await afterStep()
    setBusy(false)
  }
  return (
    <Button label="hub.review.bulkApprove" onClick={approveAll} disabled={busy} data-testid="bulk-approve">
      <CheckIcon />
    </Button>
  )
}
