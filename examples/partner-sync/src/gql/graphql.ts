/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a change did to a record, a change set or a period. */
export type AuditAction =
  /** A change set approved: its records published. */
  | 'APPROVE'
  /** Created. */
  | 'CREATE'
  /** Moved to the trash. */
  | 'DELETE'
  /** A reporting period locked. */
  | 'LOCK'
  /** A version of the record published: what partners read from then on. */
  | 'PUBLISH'
  /** Removed for good. */
  | 'PURGE'
  /** A change set returned to its author, with the reason. */
  | 'REJECT'
  /** Brought back from the trash, or to an earlier version (or back as published, when a change is withdrawn). */
  | 'RESTORE'
  /** A change set sent for review. */
  | 'SUBMIT'
  /** A reporting period unlocked. */
  | 'UNLOCK'
  /** Changed. */
  | 'UPDATE'
  /** A change set taken back by its author: its changes undone. */
  | 'WITHDRAW';

/** Kind of elderly or child care facility (一老一小). */
export type CareFacilityKind =
  /** Childcare centre for children under three (托育机构) */
  | 'CHILDCARE_CENTRE'
  /** Children's home (儿童之家) */
  | 'CHILDRENS_HOME'
  /** Community home-care service centre (社区居家养老服务中心) */
  | 'COMMUNITY_HOME_CARE_CENTRE'
  /** County-level disability-care institution (县级失能照护机构) */
  | 'DISABILITY_CARE_INSTITUTION'
  /** Elderly canteen (老年幸福食堂) */
  | 'ELDERLY_CANTEEN'
  /** Elderly service centre (养老服务中心) */
  | 'ELDERLY_SERVICE_CENTRE'
  /** Nursing home (养老院/敬老院) */
  | 'NURSING_HOME'
  /** Township regional elderly service centre (乡镇级区域养老服务中心) */
  | 'TOWNSHIP_ELDERLY_CENTRE';

/** Group of people a care facility serves. */
export type CareTargetGroup =
  /** Everyone in the community (全体居民) */
  | 'ALL_RESIDENTS'
  /** Children (儿童) */
  | 'CHILDREN'
  /** Older people who cannot fully care for themselves (失能/半失能老人) */
  | 'DISABLED_ELDERLY'
  /** Older people (老年人) */
  | 'ELDERLY'
  /** Infants and toddlers under three (婴幼儿) */
  | 'INFANTS';

/** Role of a hospital in the health system. */
export type HospitalRole =
  /** Community health service centre (社区卫生服务中心) */
  | 'COMMUNITY_HEALTH_CENTRE'
  /** General hospital (综合医院) */
  | 'GENERAL_HOSPITAL'
  /** Head hospital of a county medical community (医共体总医院) */
  | 'MEDICAL_COMMUNITY_HEAD_HOSPITAL'
  /** Provincial regional medical centre (省级区域医疗中心) */
  | 'PROVINCIAL_REGIONAL_MEDICAL_CENTRE'
  /** Specialty hospital (专科医院) */
  | 'SPECIALTY_HOSPITAL'
  /** Traditional Chinese medicine hospital (中医医院) */
  | 'TCM_HOSPITAL'
  /** Township health centre (乡镇卫生院) */
  | 'TOWNSHIP_HEALTH_CENTRE';

/** The kinds of record the hub keeps. */
export type RecordType =
  /** CareFacility records. */
  | 'CareFacility'
  /** Community records. */
  | 'Community'
  /** Division records. */
  | 'Division'
  /** Enterprise records. */
  | 'Enterprise'
  /** Hospital records. */
  | 'Hospital'
  /** Indicator records. */
  | 'Indicator'
  /** IndustrialPark records. */
  | 'IndustrialPark'
  /** School records. */
  | 'School'
  /** Settlement records. */
  | 'Settlement'
  /** Source records. */
  | 'Source';

export type HospitalFieldsFragment = { __typename: 'Hospital', id: string, version: number, updatedAt: string, nameZh: string, nameEn: string | null, role: HospitalRole, grade: string | null, plannedBeds: number | null, openBeds: number | null, contactPhone: string | null, division: { id: string } };

export type CareFacilityFieldsFragment = { __typename: 'CareFacility', id: string, version: number, updatedAt: string, nameZh: string, nameEn: string | null, kind: CareFacilityKind, targetGroup: CareTargetGroup, peopleServed: number | null, services: Array<string>, contactPhone: string | null, division: { id: string } };

export type FeedHeadQueryVariables = Exact<{ [key: string]: never; }>;


export type FeedHeadQuery = { changes: { headCursor: string } };

export type HospitalsPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type HospitalsPageQuery = { hospitals: { nodes: Array<{ __typename: 'Hospital', id: string, version: number, updatedAt: string, nameZh: string, nameEn: string | null, role: HospitalRole, grade: string | null, plannedBeds: number | null, openBeds: number | null, contactPhone: string | null, division: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CareFacilitiesPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type CareFacilitiesPageQuery = { careFacilities: { nodes: Array<{ __typename: 'CareFacility', id: string, version: number, updatedAt: string, nameZh: string, nameEn: string | null, kind: CareFacilityKind, targetGroup: CareTargetGroup, peopleServed: number | null, services: Array<string>, contactPhone: string | null, division: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ChangesSinceQueryVariables = Exact<{
  after?: string | null | undefined;
  first: number;
}>;


export type ChangesSinceQuery = { changes: { nextCursor: string, edges: Array<{ node: { action: AuditAction, recordType: RecordType, recordId: string, version: number | null, record:
          | { __typename: 'ApiKey' }
          | { __typename: 'CareFacility', id: string, version: number, updatedAt: string, nameZh: string, nameEn: string | null, kind: CareFacilityKind, targetGroup: CareTargetGroup, peopleServed: number | null, services: Array<string>, contactPhone: string | null, division: { id: string } }
          | { __typename: 'ChangeSet' }
          | { __typename: 'Citation' }
          | { __typename: 'Community' }
          | { __typename: 'Division' }
          | { __typename: 'Enterprise' }
          | { __typename: 'Hospital', id: string, version: number, updatedAt: string, nameZh: string, nameEn: string | null, role: HospitalRole, grade: string | null, plannedBeds: number | null, openBeds: number | null, contactPhone: string | null, division: { id: string } }
          | { __typename: 'Indicator' }
          | { __typename: 'IndicatorObservation' }
          | { __typename: 'IndustrialPark' }
          | { __typename: 'PeriodLock' }
          | { __typename: 'SavedQuery' }
          | { __typename: 'School' }
          | { __typename: 'Settlement' }
          | { __typename: 'Source' }
          | { __typename: 'User' }
         | null } }>, pageInfo: { hasNextPage: boolean } } };

export const HospitalFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HospitalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hospital"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"plannedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"openBeds"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<HospitalFieldsFragment, unknown>;
export const CareFacilityFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CareFacilityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CareFacility"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targetGroup"}},{"kind":"Field","name":{"kind":"Name","value":"peopleServed"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CareFacilityFieldsFragment, unknown>;
export const FeedHeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FeedHead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"Hospital"},{"kind":"EnumValue","value":"CareFacility"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"headCursor"}}]}}]}}]} as unknown as DocumentNode<FeedHeadQuery, FeedHeadQueryVariables>;
export const HospitalsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HospitalsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hospitals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HospitalFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HospitalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hospital"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"plannedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"openBeds"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<HospitalsPageQuery, HospitalsPageQueryVariables>;
export const CareFacilitiesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CareFacilitiesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"careFacilities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CareFacilityFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CareFacilityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CareFacility"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targetGroup"}},{"kind":"Field","name":{"kind":"Name","value":"peopleServed"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CareFacilitiesPageQuery, CareFacilitiesPageQueryVariables>;
export const ChangesSinceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChangesSince"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"Hospital"},{"kind":"EnumValue","value":"CareFacility"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"recordType"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"HospitalFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CareFacilityFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HospitalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hospital"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"plannedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"openBeds"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CareFacilityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CareFacility"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targetGroup"}},{"kind":"Field","name":{"kind":"Name","value":"peopleServed"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ChangesSinceQuery, ChangesSinceQueryVariables>;