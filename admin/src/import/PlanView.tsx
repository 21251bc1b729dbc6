// What an import would do: counts, columns not understood, bad rows with their reasons, the hub's
// data-quality warnings per row, and the first rows that would be written.
import {
  Alert,
  Box,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import { type TranslateFunction, useTranslate } from 'react-admin'
import type { ImportPlan, Reason } from './plan.ts'

const PREVIEW_ROWS = 50

function reasonText(reason: Reason, translate: TranslateFunction) {
  const message = translate(reason.problem.message, { _: reason.problem.message, ...reason.problem.args })
  return reason.column ? `${reason.column}: ${message}` : message
}

export function PlanView({ plan }: { plan: ImportPlan }) {
  const translate = useTranslate()
  const preview = [
    ...plan.creates.map((row) => ({ row, action: 'create' })),
    ...plan.updates.map((row) => ({ row, action: 'update' })),
  ]
    .sort((a, b) => a.row.line - b.row.line)
    .slice(0, PREVIEW_ROWS)
  return (
    <Box sx={{ my: 2 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 1, flexWrap: 'wrap' }} data-testid="import-summary">
        <Chip color="success" label={translate('hub.import.toCreate', { smart_count: plan.creates.length })} />
        <Chip color="info" label={translate('hub.import.toUpdate', { smart_count: plan.updates.length })} />
        <Chip
          color={plan.bad.length ? 'error' : 'default'}
          label={translate('hub.import.bad', { smart_count: plan.bad.length })}
        />
        {plan.unchanged.length ? (
          <Chip variant="outlined" label={translate('hub.import.unchanged', { smart_count: plan.unchanged.length })} />
        ) : null}
      </Stack>
      {/* Apart from what the import will do: warnings never stop it (error rules make rows bad). */}
      {plan.warnings?.length ? (
        <Chip
          color="warning"
          variant="outlined"
          sx={{ mb: 1 }}
          data-testid="import-warning-count"
          label={translate('quality.badge', { smart_count: plan.warningCount ?? plan.warnings.length })}
        />
      ) : null}
      {plan.unknownColumns.length ? (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="import-unknown-columns">
          {translate('hub.import.unknownColumn', { columns: plan.unknownColumns.join('、') })}
        </Alert>
      ) : null}
      {plan.repeatedColumns.length ? (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('hub.import.repeatedColumn', { columns: plan.repeatedColumns.join('、') })}
        </Alert>
      ) : null}
      {plan.bad.length ? (
        <>
          <Alert severity="error" sx={{ mb: 1 }}>
            {translate('hub.import.fixFirst')}
          </Alert>
          <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Table size="small" data-testid="import-bad-rows" aria-label={translate('hub.import.failed')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('hub.import.row')}</TableCell>
                  <TableCell>{translate('hub.import.reasons')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {plan.bad.slice(0, PREVIEW_ROWS).map((bad) => (
                  <TableRow key={bad.line}>
                    <TableCell>{bad.line}</TableCell>
                    <TableCell>{bad.reasons.map((reason) => reasonText(reason, translate)).join('；')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {plan.bad.length > PREVIEW_ROWS ? (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('hub.import.more', { smart_count: plan.bad.length - PREVIEW_ROWS })}
            </Typography>
          ) : null}
        </>
      ) : null}
      {plan.warnings?.length ? (
        <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto', mb: 1 }}>
          <Table size="small" data-testid="import-warnings" aria-label={translate('quality.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('hub.import.row')}</TableCell>
                <TableCell>{translate('quality.column')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.warnings.slice(0, PREVIEW_ROWS).map((warning) => (
                <TableRow key={`${warning.line}/${warning.code}/${warning.message}`}>
                  <TableCell>{warning.line}</TableCell>
                  <TableCell>{warning.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      {preview.length ? (
        <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Table size="small" aria-label={translate('hub.import.preview')} data-testid="import-preview">
            <TableHead>
              <TableRow>
                <TableCell>{translate('hub.import.row')}</TableCell>
                <TableCell>{translate('hub.import.action')}</TableCell>
                <TableCell>{translate('resources.divisions.fields.nameZh')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.map(({ row, action }) => (
                <TableRow key={row.line}>
                  <TableCell>{row.line}</TableCell>
                  <TableCell>{translate(`hub.import.${action}`)}</TableCell>
                  <TableCell>{row.title ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Box>
  )
}
