// A warning beside a key that has used most of its per-minute limit in the current minute
// (ApiKey.rateLimitUse.nearing: ≥ 80 %), with how much in its tooltip.
import { Chip, Tooltip } from '@mui/material'
import { useRecordContext, useTranslate } from 'react-admin'

export interface RateLimitUse {
  requests: number
  limit: number
  share: number
  nearing: boolean
}

export function NearLimitChip(_props: { label?: string }) {
  const key = useRecordContext<{ rateLimitUse?: RateLimitUse | null }>()
  const translate = useTranslate()
  const use = key?.rateLimitUse
  if (!use?.nearing) return null
  return (
    <Tooltip
      title={translate('hub.apiKeys.nearLimitHelp', {
        requests: use.requests,
        limit: use.limit,
        percent: Math.round(use.share * 100),
      })}
    >
      <Chip size="small" color="warning" label={translate('hub.apiKeys.nearLimit')} data-testid="near-limit" />
    </Tooltip>
  )
}
