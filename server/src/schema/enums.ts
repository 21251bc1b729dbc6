// The GraphQL enums of the Prisma enums: the values come from schema.prisma (the database's enum
// types), the descriptions from here — one per value, no more and no fewer, which TypeScript checks.
import * as db from '@minsheng/db'
import { builder } from '../builder.ts'

function defineEnum<const E extends Record<string, string>>(
  name: string & keyof typeof db,
  description: string,
  values: E,
  descriptions: { [K in keyof E]: string },
) {
  const config: Record<string, { value: string; description: string }> = Object.fromEntries(
    Object.keys(values).map((key) => [key, { value: key, description: descriptions[key] as string }]),
  )
  const ref = builder.enumType(name, { description, values: config })
  return { ref, values: descriptions as { [K in keyof E]: string } }
}

export const DivisionLevel = defineEnum(
  'DivisionLevel',
  'Level of an administrative division in the GB/T 2260 tree.',
  db.DivisionLevel,
  {
    PROVINCE: 'Province (省)',
    CITY: 'Prefecture-level city (地级市)',
    COUNTY: 'County, county-level city or district (县/县级市/区)',
    TOWNSHIP: 'Township, town or subdistrict (乡/镇/街道)',
    COMMUNITY: 'Urban community or village (社区/村)',
  },
)

export const CoordinateDatum = defineEnum('CoordinateDatum', 'Geodetic datum of coordinates.', db.CoordinateDatum, {
  WGS84: 'WGS-84, as used by GPS and international maps',
  GCJ02: 'GCJ-02, the datum Chinese web maps (Amap, Tencent) publish',
})

export const FigureQualifier = defineEnum(
  'FigureQualifier',
  'How a cited figure relates to the true value, as the source words it.',
  db.FigureQualifier,
  {
    EXACT: 'The source states the figure exactly.',
    MORE_THAN: 'More than (余, 多, 以上): the true value is above the figure.',
    NEARLY: 'Nearly (近): the true value is just below the figure.',
    PLANNED: 'Planned (规划): a target, not yet reached.',
  },
)

export const HospitalRole = defineEnum('HospitalRole', 'Role of a hospital in the health system.', db.HospitalRole, {
  PROVINCIAL_REGIONAL_MEDICAL_CENTRE: 'Provincial regional medical centre (省级区域医疗中心)',
  GENERAL_HOSPITAL: 'General hospital (综合医院)',
  SPECIALTY_HOSPITAL: 'Specialty hospital (专科医院)',
  MEDICAL_COMMUNITY_HEAD_HOSPITAL: 'Head hospital of a county medical community (医共体总医院)',
  TCM_HOSPITAL: 'Traditional Chinese medicine hospital (中医医院)',
  TOWNSHIP_HEALTH_CENTRE: 'Township health centre (乡镇卫生院)',
  COMMUNITY_HEALTH_CENTRE: 'Community health service centre (社区卫生服务中心)',
})

export const SchoolStage = defineEnum('SchoolStage', 'Stage of education a school offers.', db.SchoolStage, {
  KINDERGARTEN: 'Kindergarten (幼儿园)',
  PRIMARY: 'Primary school (小学)',
  JUNIOR_SECONDARY: 'Junior secondary school (初中)',
  NINE_YEAR: 'Nine-year school, primary and junior secondary (九年一贯制学校)',
  SENIOR_SECONDARY: 'Senior secondary school (普通高中)',
  VOCATIONAL: 'Vocational school (职业学校)',
  SPECIAL_EDUCATION: 'Special education school (特殊教育学校)',
})

export const CareFacilityKind = defineEnum(
  'CareFacilityKind',
  'Kind of elderly or child care facility (一老一小).',
  db.CareFacilityKind,
  {
    ELDERLY_CANTEEN: 'Elderly canteen (老年幸福食堂)',
    ELDERLY_SERVICE_CENTRE: 'Elderly service centre (养老服务中心)',
    DISABILITY_CARE_INSTITUTION: 'County-level disability-care institution (县级失能照护机构)',
    TOWNSHIP_ELDERLY_CENTRE: 'Township regional elderly service centre (乡镇级区域养老服务中心)',
    COMMUNITY_HOME_CARE_CENTRE: 'Community home-care service centre (社区居家养老服务中心)',
    NURSING_HOME: 'Nursing home (养老院/敬老院)',
    CHILDRENS_HOME: "Children's home (儿童之家)",
    CHILDCARE_CENTRE: 'Childcare centre for children under three (托育机构)',
  },
)

export const CareTargetGroup = defineEnum(
  'CareTargetGroup',
  'Group of people a care facility serves.',
  db.CareTargetGroup,
  {
    ELDERLY: 'Older people (老年人)',
    DISABLED_ELDERLY: 'Older people who cannot fully care for themselves (失能/半失能老人)',
    CHILDREN: 'Children (儿童)',
    INFANTS: 'Infants and toddlers under three (婴幼儿)',
    ALL_RESIDENTS: 'Everyone in the community (全体居民)',
  },
)

export const UnitScale = defineEnum('UnitScale', 'Scale in which an indicator states its values.', db.UnitScale, {
  ONE: 'Units (个)',
  TEN_THOUSAND: 'Ten thousand (万)',
  HUNDRED_MILLION: 'Hundred million (亿)',
})

export const PeriodKind = defineEnum('PeriodKind', 'Kind of period an observation covers.', db.PeriodKind, {
  YEAR: 'A calendar year',
  YEAR_TO_QUARTER: 'From January to the end of a quarter (e.g. 2024 Q1–Q3 cumulative)',
  QUARTER: 'A single quarter',
  POINT: 'A point in time (a stock figure, e.g. facilities built by then)',
})

export const ObservationStatus = defineEnum(
  'ObservationStatus',
  'Whether a statistical figure may still be revised.',
  db.ObservationStatus,
  {
    PRELIMINARY: 'Preliminary (初步数据), may be revised',
    FINAL: 'Final (最终数据)',
  },
)

export const Role = defineEnum('Role', 'What an operator may do.', db.Role, {
  ADMIN: 'Manages users, keys and the trash (purge), edits records and reviews others’ changes.',
  EDITOR: 'Edits records, within a division when scoped; the changes wait for review.',
  REVIEWER: 'Approves or rejects other operators’ change sets, within a division when scoped; edits nothing.',
  VIEWER: 'Reads everything, changes nothing.',
})

export const AuditAction = defineEnum(
  'AuditAction',
  'What a change did to a record, a change set or a period.',
  db.AuditAction,
  {
    CREATE: 'Created.',
    UPDATE: 'Changed.',
    DELETE: 'Moved to the trash.',
    RESTORE:
      'Brought back from the trash, or to an earlier version (or back as published, when a change is withdrawn).',
    PURGE: 'Removed for good.',
    SUBMIT: 'A change set sent for review.',
    APPROVE: 'A change set approved: its records published.',
    REJECT: 'A change set returned to its author, with the reason.',
    WITHDRAW: 'A change set taken back by its author: its changes undone.',
    PUBLISH: 'A version of the record published: what partners read from then on.',
    LOCK: 'A reporting period locked.',
    UNLOCK: 'A reporting period unlocked.',
  },
)

export const ChangeSetStatus = defineEnum(
  'ChangeSetStatus',
  'Where a change set stands in review.',
  db.ChangeSetStatus,
  {
    DRAFT: 'Being put together by its author; reviewers do not see it yet.',
    PENDING: 'Sent for review.',
    APPROVED: 'Approved: its records are published.',
    REJECTED: 'Returned to its author with a reason; its changes stay in the working copy until amended or withdrawn.',
    WITHDRAWN: 'Taken back by its author; its changes were undone.',
  },
)

export const ChangeSetOrigin = defineEnum('ChangeSetOrigin', 'How a change set came about.', db.ChangeSetOrigin, {
  FORM: 'One save of a form (one change).',
  IMPORT: 'One file import, all its rows.',
  BATCH: 'Several changes an operator gathered and submitted together.',
})

export const enums = {
  DivisionLevel,
  CoordinateDatum,
  FigureQualifier,
  HospitalRole,
  SchoolStage,
  CareFacilityKind,
  CareTargetGroup,
  UnitScale,
  PeriodKind,
  ObservationStatus,
}
