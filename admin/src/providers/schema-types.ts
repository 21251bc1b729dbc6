/** What the console knows about a GraphQL field or input field (compiled at build time). */
export interface FieldMeta {
  /** Name of the named type (e.g. Int, Decimal, HospitalRole, Division). */
  type: string
  kind: 'scalar' | 'enum' | 'object'
  required?: boolean
  list?: boolean
  /** The field takes arguments (a nested connection). */
  args?: boolean
  /** Input rules the server states in its descriptions ("From 0 to 100000000", "At most 200 characters"). */
  min?: number
  max?: number
  maxLength?: number
  /** Most items a list input takes. */
  maxItems?: number
}

export interface HubSchema {
  objects: Record<string, Record<string, FieldMeta>>
  inputs: Record<string, Record<string, FieldMeta>>
  enums: Record<string, string[]>
  /** Object types implementing Node (records with a global ID). */
  nodeTypes: string[]
}
