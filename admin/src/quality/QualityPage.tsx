// The quality page (数据质量): how many issues the rules find per county and rule, and the issues
// themselves, each linking to its record. Clicking a count filters the list to that county and rule.
import ErrorIcon from '@mui/icons-material/ErrorOutline'
import WarningIcon from '@mui/icons-material/WarningAmber'
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControl,
  InputLabel,
  LinearProgress,
  MenuItem,
  Link as MuiLink,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, Title, useCreatePath, useDataProvider, useLocaleState, useTranslate } from 'react-admin'
import { enumChoices } from '../common/enums.ts'
import type { HubDataProvider } from '../providers/dataProvider.ts'
import { resourceOfType } from '../providers/resources.ts'
import {
  countTable,
  PAGE_SIZE,
  QUALITY_QUERY,
  type QualityCounty,
  type QualityData,
  type QualityWhere,
  whereOf,
} from './data.ts'

function SeverityChip({ severity }: { severity: 'ERROR' | 'WARNING' }) {
  const translate = useTranslate()
  return (
    <Chip
      size="small"
      variant="outlined"
      color={severity === 'ERROR' ? 'error' : 'warning'}
      icon={severity === 'ERROR' ? <ErrorIcon /> : <WarningIcon />}
      label={translate(`enums.QualitySeverity.${severity}`)}
    />
  )
}

export default function QualityPage() {
  const dataProvider = useDataProvider<HubDataProvider>()
  const translate = useTranslate()
  const createPath = useCreatePath()
  const [locale] = useLocaleState()
  const [filters, setFilters] = useState<QualityWhere>({})
  // The cursors of the pages before this one (the first page has none).
  const [cursors, setCursors] = useState<string[]>([])
  const after = cursors.at(-1)
  const where = whereOf(filters)
  const result = useQuery({
    queryKey: ['quality', where, after],
    queryFn: () => dataProvider.graphql<QualityData>(QUALITY_QUERY, { where, first: PAGE_SIZE, after }),
    placeholderData: keepPreviousData,
  })
  const data = result.data?.dataQualityIssues
  const table = data ? countTable(data) : undefined
  const countyName = (county: QualityCounty | null) =>
    county ? (locale === 'en' && county.nameEn) || county.nameZh : translate('quality.aboveCounties')
  const filter = (next: QualityWhere) => {
    setFilters(next)
    setCursors([])
  }
  const select = (key: 'rule' | 'severity', enumName: string) => (
    <FormControl size="small" sx={{ width: { xs: '100%', sm: 280 } }}>
      <InputLabel id={`quality-${key}`}>{translate(`quality.${key}`)}</InputLabel>
      <Select
        labelId={`quality-${key}`}
        label={translate(`quality.${key}`)}
        value={filters[key] ?? ''}
        onChange={(event) => filter({ ...filters, [key]: event.target.value || undefined })}
        data-testid={`quality-filter-${key}`}
      >
        <MenuItem value="">{translate('quality.all')}</MenuItem>
        {enumChoices(enumName).map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {translate(choice.name)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  )

  return (
    <Box sx={{ mt: 1 }}>
      <Title title="quality.title" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('quality.explain')}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
        {select('rule', 'QualityRule')}
        {select('severity', 'QualitySeverity')}
        {filters.division ? (
          <Chip
            label={countyName(data?.byCounty.find((c) => c.county?.id === filters.division)?.county ?? null)}
            onDelete={() => filter({ ...filters, division: undefined })}
          />
        ) : null}
        {where ? (
          <Button size="small" onClick={() => filter({})}>
            {translate('quality.clear')}
          </Button>
        ) : null}
      </Stack>
      {result.isFetching ? <LinearProgress aria-label={translate('quality.loading')} sx={{ mb: 1 }} /> : null}
      {table ? (
        <Card sx={{ mb: 2 }}>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('quality.counts')}
            </Typography>
            {table.total === 0 ? (
              <Typography>{translate('quality.none')}</Typography>
            ) : (
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" data-testid="quality-counts">
                  <TableHead>
                    <TableRow>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('quality.county')}</TableCell>
                      {table.rules.map((rule) => (
                        <TableCell key={rule} align="right" sx={{ minWidth: 112 }}>
                          {translate(`enums.QualityRule.${rule}`)}
                        </TableCell>
                      ))}
                      <TableCell align="right">{translate('quality.total')}</TableCell>
                      <TableCell align="right">{translate('quality.errors')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {table.rows.map((row) => (
                      <TableRow key={row.county?.id ?? 'city'} hover>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{countyName(row.county)}</TableCell>
                        {table.rules.map((rule) => (
                          <TableCell key={rule} align="right">
                            {row.cells[rule] ? (
                              <MuiLink
                                component="button"
                                onClick={() =>
                                  filter({ ...filters, rule, ...(row.county ? { division: row.county.id } : {}) })
                                }
                              >
                                {row.cells[rule]}
                              </MuiLink>
                            ) : (
                              '·'
                            )}
                          </TableCell>
                        ))}
                        <TableCell align="right">{row.total}</TableCell>
                        <TableCell align="right" sx={{ color: row.errors ? 'error.main' : undefined }}>
                          {row.errors}
                        </TableCell>
                      </TableRow>
                    ))}
                    <TableRow>
                      <TableCell sx={{ fontWeight: 'bold' }}>{translate('quality.total')}</TableCell>
                      {table.rules.map((rule) => (
                        <TableCell key={rule} align="right" sx={{ fontWeight: 'bold' }}>
                          {table.totals[rule]}
                        </TableCell>
                      ))}
                      <TableCell align="right" sx={{ fontWeight: 'bold' }}>
                        {table.total}
                      </TableCell>
                      <TableCell />
                    </TableRow>
                  </TableBody>
                </Table>
              </Box>
            )}
          </CardContent>
        </Card>
      ) : null}
      {data && data.totalCount > 0 ? (
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2">
              {translate('quality.issues')}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {translate('quality.shown', {
                from: cursors.length * PAGE_SIZE + 1,
                to: cursors.length * PAGE_SIZE + data.nodes.length,
                total: data.totalCount,
              })}
            </Typography>
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="quality-issues">
              {data.nodes.map((issue) => {
                const resource = resourceOfType(issue.recordType)
                const name = issue.recordName ?? issue.recordId
                return (
                  <Box
                    component="li"
                    key={`${issue.rule}/${issue.recordId}/${issue.field ?? ''}`}
                    sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}
                  >
                    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                      <SeverityChip severity={issue.severity} />
                      {resource ? (
                        <Link to={createPath({ resource, id: issue.recordId, type: 'show' })}>{name}</Link>
                      ) : (
                        <span>{name}</span>
                      )}
                      <Typography variant="caption" color="text.secondary">
                        {resource ? translate(`resources.${resource}.name`, { smart_count: 1 }) : issue.recordType}
                        {' · '}
                        {countyName(issue.county)}
                        {' · '}
                        {issue.title}
                      </Typography>
                    </Stack>
                    <Typography variant="body2" sx={{ mt: 0.5 }}>
                      {issue.message}
                    </Typography>
                  </Box>
                )
              })}
            </Box>
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              {cursors.length > 0 ? (
                <Button onClick={() => setCursors(cursors.slice(0, -1))}>{translate('quality.previous')}</Button>
              ) : null}
              {data.pageInfo.hasNextPage && data.pageInfo.endCursor ? (
                <Button onClick={() => setCursors([...cursors, data.pageInfo.endCursor as string])}>
                  {translate('quality.next')}
                </Button>
              ) : null}
            </Stack>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  )
}
