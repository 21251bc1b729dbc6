/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment HospitalFields on Hospital {\n  __typename\n  id\n  version\n  updatedAt\n  nameZh\n  nameEn\n  role\n  grade\n  plannedBeds\n  openBeds\n  contactPhone\n  division {\n    id\n  }\n}\n\nfragment CareFacilityFields on CareFacility {\n  __typename\n  id\n  version\n  updatedAt\n  nameZh\n  nameEn\n  kind\n  targetGroup\n  peopleServed\n  services\n  contactPhone\n  division {\n    id\n  }\n}\n\nquery FeedHead {\n  changes(first: 0, types: [Hospital, CareFacility]) {\n    headCursor\n  }\n}\n\nquery HospitalsPage($first: Int!, $after: String) {\n  hospitals(first: $first, after: $after) {\n    nodes {\n      ...HospitalFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery CareFacilitiesPage($first: Int!, $after: String) {\n  careFacilities(first: $first, after: $after) {\n    nodes {\n      ...CareFacilityFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery ChangesSince($after: String, $first: Int!) {\n  changes(after: $after, first: $first, types: [Hospital, CareFacility]) {\n    edges {\n      node {\n        action\n        recordType\n        recordId\n        version\n        record {\n          __typename\n          ...HospitalFields\n          ...CareFacilityFields\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n    nextCursor\n  }\n}": typeof types.HospitalFieldsFragmentDoc,
};
const documents: Documents = {
    "fragment HospitalFields on Hospital {\n  __typename\n  id\n  version\n  updatedAt\n  nameZh\n  nameEn\n  role\n  grade\n  plannedBeds\n  openBeds\n  contactPhone\n  division {\n    id\n  }\n}\n\nfragment CareFacilityFields on CareFacility {\n  __typename\n  id\n  version\n  updatedAt\n  nameZh\n  nameEn\n  kind\n  targetGroup\n  peopleServed\n  services\n  contactPhone\n  division {\n    id\n  }\n}\n\nquery FeedHead {\n  changes(first: 0, types: [Hospital, CareFacility]) {\n    headCursor\n  }\n}\n\nquery HospitalsPage($first: Int!, $after: String) {\n  hospitals(first: $first, after: $after) {\n    nodes {\n      ...HospitalFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery CareFacilitiesPage($first: Int!, $after: String) {\n  careFacilities(first: $first, after: $after) {\n    nodes {\n      ...CareFacilityFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery ChangesSince($after: String, $first: Int!) {\n  changes(after: $after, first: $first, types: [Hospital, CareFacility]) {\n    edges {\n      node {\n        action\n        recordType\n        recordId\n        version\n        record {\n          __typename\n          ...HospitalFields\n          ...CareFacilityFields\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n    nextCursor\n  }\n}": types.HospitalFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment HospitalFields on Hospital {\n  __typename\n  id\n  version\n  updatedAt\n  nameZh\n  nameEn\n  role\n  grade\n  plannedBeds\n  openBeds\n  contactPhone\n  division {\n    id\n  }\n}\n\nfragment CareFacilityFields on CareFacility {\n  __typename\n  id\n  version\n  updatedAt\n  nameZh\n  nameEn\n  kind\n  targetGroup\n  peopleServed\n  services\n  contactPhone\n  division {\n    id\n  }\n}\n\nquery FeedHead {\n  changes(first: 0, types: [Hospital, CareFacility]) {\n    headCursor\n  }\n}\n\nquery HospitalsPage($first: Int!, $after: String) {\n  hospitals(first: $first, after: $after) {\n    nodes {\n      ...HospitalFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery CareFacilitiesPage($first: Int!, $after: String) {\n  careFacilities(first: $first, after: $after) {\n    nodes {\n      ...CareFacilityFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery ChangesSince($after: String, $first: Int!) {\n  changes(after: $after, first: $first, types: [Hospital, CareFacility]) {\n    edges {\n      node {\n        action\n        recordType\n        recordId\n        version\n        record {\n          __typename\n          ...HospitalFields\n          ...CareFacilityFields\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n    nextCursor\n  }\n}"): (typeof documents)["fragment HospitalFields on Hospital {\n  __typename\n  id\n  version\n  updatedAt\n  nameZh\n  nameEn\n  role\n  grade\n  plannedBeds\n  openBeds\n  contactPhone\n  division {\n    id\n  }\n}\n\nfragment CareFacilityFields on CareFacility {\n  __typename\n  id\n  version\n  updatedAt\n  nameZh\n  nameEn\n  kind\n  targetGroup\n  peopleServed\n  services\n  contactPhone\n  division {\n    id\n  }\n}\n\nquery FeedHead {\n  changes(first: 0, types: [Hospital, CareFacility]) {\n    headCursor\n  }\n}\n\nquery HospitalsPage($first: Int!, $after: String) {\n  hospitals(first: $first, after: $after) {\n    nodes {\n      ...HospitalFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery CareFacilitiesPage($first: Int!, $after: String) {\n  careFacilities(first: $first, after: $after) {\n    nodes {\n      ...CareFacilityFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery ChangesSince($after: String, $first: Int!) {\n  changes(after: $after, first: $first, types: [Hospital, CareFacility]) {\n    edges {\n      node {\n        action\n        recordType\n        recordId\n        version\n        record {\n          __typename\n          ...HospitalFields\n          ...CareFacilityFields\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n    nextCursor\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;