import { builder } from '../builder.ts'
import { addRecordApi } from '../records/api.ts'
import { defineFamily, link, nodeOptions, recordFields } from '../records/family.ts'
import { count, date, decimal, ref, text, textList } from '../records/fields.ts'

export const enterprises = defineFamily({
  typename: 'Enterprise',
  plural: 'enterprises',
  labelZh: '企业',
  description: 'Enterprises and workshops that employ residents.',
  within: 'relation',
  yearField: 'openedOn',
  fields: {
    divisionId: ref('Division', 'division', 'The division the enterprise is in.', { required: true }),
    parkId: ref('IndustrialPark', 'park', 'The industrial park it is settled in.'),
    communityId: ref('Community', 'community', 'The community its workshop is in.'),
    sector: text(100, 'Sector (e.g. 纺织服装, 食品加工).'),
    products: textList('Main products.'),
    productionLines: count('Production lines installed.'),
    jobCapacity: count('Jobs it can provide (可提供就业岗位).'),
    employees: count('People employed now (在岗职工).'),
    averageMonthlyWage: decimal('Average monthly wage in yuan.'),
    annualOutputAtFull: decimal('Annual output value at full production, in yuan (全面投产后年产值).'),
    markets: textList('Markets it sells to.'),
    openedOn: date('When it started production.'),
  },
})

builder.prismaNode('Enterprise', {
  ...nodeOptions(enterprises),
  description: 'An enterprise or workshop that employs residents.',
  fields: (t) => ({
    ...recordFields(t, enterprises),
    division: t.relation('division', { description: 'The division the enterprise is in.' }),
    park: link(t, 'park', 'IndustrialPark', 'The park it is settled in.', true),
    community: link(t, 'community', 'Community', 'The community its workshop is in.', true),
  }),
})

addRecordApi(enterprises)
