/** What the console knows about a GraphQL field or input field (compiled at build time). */
export interface FieldMeta {
  /** Name of the named type (e.g. Int, Decimal, HospitalRole, Division). */
  type: string
  kind: 'scalar' | 'enum' | 'object'
  required?: boolean
  list?: boolean
  /** The field takes arguments (a nested connection). */
  args?: boolean
  /** Input rules the server states ("From 0 to 100000000", "At most 200 characters"). */
  min?: number
  max?: number
  maxLength?: number
  /** Most items a list input takes. */
  maxItems?: number
}

/** A record type of the hub (a value of its RecordType enum) as the console reads and writes it. */
export interface RecordTypeMeta {
  /** Object type of the records, e.g. Hospital. */
  type: string
  /** Root list field (`hospitals`), which is also the console resource's name. */
  list: string
  /** Input fields that reference one record of another type: `divisionId` → Division. */
  references: Record<string, string>
  /** Many-to-many input fields, read through a connection: `supportedSettlementIds` → supportedSettlements of Settlement. */
  idLists: Record<string, { connection: string; type: string }>
}

export interface HubSchema {
  objects: Record<string, Record<string, FieldMeta>>
  inputs: Record<string, Record<string, FieldMeta>>
  enums: Record<string, string[]>
  /** Object types implementing Node (records with a global ID). */
  nodeTypes: string[]
  /** The record types (RecordType enum) with their list field and references. */
  records: RecordTypeMeta[]
}
