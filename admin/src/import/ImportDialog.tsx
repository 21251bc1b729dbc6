// Import a file (.xlsx, or CSV in UTF-8, GBK/GB18030 or UTF-16): what the workflow (useImport.ts)
// is doing, what it found, and the one button that writes — full screen on a phone.
import UploadFileIcon from '@mui/icons-material/UploadFile'
import {
  Alert,
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  InputLabel,
  LinearProgress,
  MenuItem,
  Button as MuiButton,
  Select,
  Stack,
  TextField,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material'
import { useDataProvider, useLocaleState, useResourceContext, useTranslate } from 'react-admin'
import { TextButton } from '../common/TextButton.tsx'
import { isChinese } from '../format.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { resourceApi } from '../providers/resources.ts'
import { PlanView } from './PlanView.tsx'
import { MAX_IMPORT_ROWS } from './report.ts'
import { type Source, useImport } from './useImport.ts'

/** Accepted by the file picker; anything else is still read and refused with a reason. */
const ACCEPT = '.xlsx,.csv,.tsv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function SourceLine({ source, onSheet }: { source: Source; onSheet: (sheet: string) => void }) {
  const translate = useTranslate()
  if (source.kind === 'text') {
    return (
      <Typography variant="body2" data-testid="import-source">
        {translate('hub.import.encoding', {
          encoding: `${source.encoding}${source.bom ? translate('hub.import.withBom') : ''}`,
        })}
      </Typography>
    )
  }
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2" data-testid="import-source">
        {translate('hub.import.sheet', { sheet: source.sheet })}
      </Typography>
      {source.sheets.length > 1 ? (
        <FormControl size="small" sx={{ minWidth: 160 }}>
          <InputLabel id="import-sheet-label">{translate('hub.import.chooseSheet')}</InputLabel>
          <Select
            labelId="import-sheet-label"
            label={translate('hub.import.chooseSheet')}
            value={source.sheet}
            onChange={(event) => onSheet(String(event.target.value))}
            data-testid="import-sheet"
          >
            {source.sheets.map((sheet) => (
              <MenuItem key={sheet} value={sheet}>
                {sheet}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      ) : null}
    </Stack>
  )
}

function Progress({ label, value }: { label: string; value?: number }) {
  return (
    <Box sx={{ my: 2 }} data-testid="import-progress">
      <Typography variant="body2" gutterBottom>
        {value === undefined ? label : `${label} ${value}%`}
      </Typography>
      <LinearProgress
        variant={value === undefined ? 'indeterminate' : 'determinate'}
        value={value}
        aria-label={label}
      />
    </Box>
  )
}

export default function ImportDialog({ onClose }: { onClose: () => void }) {
  const resource = useResourceContext() as string
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const api = resourceApi(resource)
  const { phase, source, fatal, reason, setReason, read, apply, chooseSheet, busy } = useImport(api)
  const count = (n: number) => new Intl.NumberFormat(locale).format(n)
  const name = translate(`resources.${resource}.name`, { smart_count: 2 })
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      fullScreen={phone}
      aria-labelledby="import-title"
      aria-describedby="import-intro"
    >
      <DialogTitle id="import-title">{translate('hub.import.title', { name })}</DialogTitle>
      <DialogContent>
        {phase.step !== 'applying' ? (
          <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <MuiButton
              variant="contained"
              component="label"
              disabled={busy}
              startIcon={<UploadFileIcon />}
              sx={{ textTransform: 'none' }}
            >
              {translate('hub.import.choose')}
              <input
                hidden
                type="file"
                accept={ACCEPT}
                data-testid="import-file"
                onChange={(event) => {
                  const file = event.target.files?.[0]
                  // Choosing the same (corrected) file again must fire change again.
                  event.target.value = ''
                  if (file) void read(file)
                }}
              />
            </MuiButton>
            <TemplateButtons resource={resource} />
          </Stack>
        ) : null}
        <Typography variant="body2" gutterBottom id="import-intro">
          {translate('hub.import.intro')}
        </Typography>
        <Alert severity="info" sx={{ my: 1 }}>
          {translate('hub.import.atomic', { max: count(MAX_IMPORT_ROWS) })}
        </Alert>
        <TextField
          size="small"
          label={translate('hub.audit.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 1000 } }}
          disabled={busy}
          fullWidth
          sx={{ my: 1 }}
        />
        {fatal ? (
          <Alert severity="error" sx={{ my: 1 }} data-testid="import-error">
            {fatal}
          </Alert>
        ) : null}
        {source ? <SourceLine source={source} onSheet={chooseSheet} /> : null}
        <Box role="status" aria-live="polite">
          {phase.step === 'reading' ? (
            <Progress label={translate('hub.import.parsing')} value={Math.round(100 * phase.fraction)} />
          ) : null}
          {phase.step === 'checking' ? (
            <Progress label={translate('hub.import.checking', { rows: count(phase.total) })} />
          ) : null}
          {phase.step === 'applying' ? (
            <Progress
              label={translate('hub.import.applying', {
                rows: count(phase.plan.creates.length + phase.plan.updates.length),
              })}
            />
          ) : null}
        </Box>
        {phase.step === 'planned' || phase.step === 'applying' ? <PlanView plan={phase.plan} /> : null}
        {phase.step === 'applied' ? (
          <Alert severity="success" sx={{ my: 2 }} data-testid="import-result">
            {translate('hub.import.done', {
              rows: count(phase.report.created + phase.report.updated),
              created: count(phase.report.created),
              updated: count(phase.report.updated),
            })}
          </Alert>
        ) : null}
        {phase.step === 'refused' ? (
          <>
            <Alert severity="error" sx={{ my: 2 }} data-testid="import-result">
              {[phase.message, translate('hub.import.nothingWritten')].filter(Boolean).join(' ')}
            </Alert>
            <PlanView plan={phase.plan} />
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        <TextButton label="hub.import.close" onClick={onClose} disabled={busy} />
        {phase.step === 'planned' ? (
          <TextButton
            variant="contained"
            label={translate('hub.import.apply', {
              smart_count: phase.plan.creates.length + phase.plan.updates.length,
            })}
            disabled={phase.plan.bad.length > 0 || phase.plan.creates.length + phase.plan.updates.length === 0}
            onClick={() => void apply()}
          />
        ) : null}
      </DialogActions>
    </Dialog>
  )
}

/** Templates with the resource's columns, one example row and (in Excel) the allowed values. */
function TemplateButtons({ resource }: { resource: string }) {
  const translate = useTranslate()
  const dataProvider = useDataProvider<HubDataProvider>()
  const [locale] = useLocaleState()
  const download = (format: 'xlsx' | 'csv') =>
    import('../export/template.ts').then(({ downloadTemplate }) =>
      downloadTemplate(dataProvider, translate, resource, format, isChinese(locale) ? 'zh' : 'en'),
    )
  return (
    <>
      <TextButton label="hub.import.templateXlsx" onClick={() => void download('xlsx')} />
      <TextButton label="hub.import.templateCsv" onClick={() => void download('csv')} />
    </>
  )
}
