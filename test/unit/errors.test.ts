// Turning database refusals and graphql-js/Yoga errors into the stable codes callers rely on.
import { GraphQLError, type GraphQLErrorOptions, Source } from 'graphql'
import { describe, expect, it } from 'vitest'
import { classifyError } from '../../server/src/plugins/error-codes.ts'
import { classifyDatabaseError, translateWriteError } from '../../server/src/records/errors.ts'

/** A Prisma known request error as the PostgreSQL adapter raises it. */
const prismaError = (code: string, meta?: Record<string, unknown>) => Object.assign(new Error('prisma'), { code, meta })

/** A driver adapter error carrying the PostgreSQL error, as the PGlite adapter raises it. */
const adapterError = (cause: Record<string, unknown>) => Object.assign(new Error('adapter'), { cause })

describe('classifyDatabaseError', () => {
  it.each([
    ['P2002', { target: ['code'] }, { kind: 'unique', detail: 'code' }],
    ['P2003', { field_name: 'divisionId' }, { kind: 'foreignKey', detail: 'divisionId' }],
    ['P2003', undefined, { kind: 'foreignKey', detail: undefined }],
    ['P2025', undefined, { kind: 'notFound' }],
  ])('reads the Prisma code %s', (code, meta, expected) => {
    expect(classifyDatabaseError(prismaError(code, meta))).toEqual(expected)
  })

  it('reads SQLSTATE 23505 with its detail and constraint', () => {
    const error = adapterError({
      code: '23505',
      message: 'duplicate key value violates unique constraint "Division_code_key"',
      detail: 'Key (code)=(530627) already exists.',
    })
    expect(classifyDatabaseError(error)).toEqual({
      kind: 'unique',
      detail: 'Key (code)=(530627) already exists.',
      constraint: 'Division_code_key',
    })
  })

  it.each([
    [{ code: '23503', message: 'insert or update violates foreign key constraint "x"' }, 'foreignKey'],
    [{ kind: 'ForeignKeyConstraintViolation' }, 'foreignKey'],
    [{ kind: 'UniqueConstraintViolation' }, 'unique'],
    [{ code: '23514', message: 'violates check constraint "Hospital_beds_check"' }, 'check'],
  ])('reads the adapter cause %j as %s', (cause, kind) => {
    expect(classifyDatabaseError(adapterError(cause))?.kind).toBe(kind)
  })

  it('falls back to the message when the cause has no detail', () => {
    expect(classifyDatabaseError(adapterError({ code: '23503', message: 'violates foreign key' }))).toMatchObject({
      kind: 'foreignKey',
      detail: 'violates foreign key',
    })
  })

  it('looks through nested causes', () => {
    expect(classifyDatabaseError({ cause: { cause: prismaError('P2002') } })?.kind).toBe('unique')
  })

  it.each([undefined, null, 'text', 42, new Error('timeout'), adapterError({ code: '57014', message: 'canceled' })])(
    'recognises nothing in %j',
    (error) => {
      expect(classifyDatabaseError(error)).toBeUndefined()
    },
  )
})

// PGlite reports an ON DELETE RESTRICT refusal as 23001, where PostgreSQL reports 23503.
describe('classifyDatabaseError and RESTRICT', () => {
  it('reads SQLSTATE 23001 (restrict_violation) as a foreign key refusal', () => {
    const error = adapterError({
      kind: 'postgres',
      code: '23001',
      message:
        'update or delete on table "Division" violates RESTRICT setting of foreign key constraint "Settlement_divisionId_fkey" on table "Settlement"',
      detail: 'Key (id)=(10) is referenced from table "Settlement".',
    })
    expect(classifyDatabaseError(error)?.kind).toBe('foreignKey')
  })
})

// With the PostgreSQL driver adapter, Prisma 6.19 puts the fields of a unique violation under
// meta.driverAdapterError.cause.constraint.fields, not meta.target.
describe('classifyDatabaseError and the PostgreSQL adapter', () => {
  it('reads the fields of a unique violation from the driver adapter error', () => {
    const error = prismaError('P2002', {
      modelName: 'Division',
      driverAdapterError: {
        name: 'DriverAdapterError',
        cause: {
          originalCode: '23505',
          originalMessage: 'duplicate key value violates unique constraint "Division_code_key"',
          kind: 'UniqueConstraintViolation',
          constraint: { fields: ['code'] },
        },
      },
    })
    expect(classifyDatabaseError(error)).toMatchObject({ kind: 'unique', detail: expect.stringContaining('code') })
  })
})

describe('translateWriteError', () => {
  function thrown(run: () => unknown) {
    try {
      run()
    } catch (error) {
      return error as GraphQLError
    }
    throw new Error('expected an error')
  }
  const unique = adapterError({ code: '23505', message: 'unique', detail: 'Key (code)=(530627) already exists.' })
  const foreign = adapterError({ code: '23503', message: 'fk', detail: 'Key (divisionId)=(999) is not present.' })
  const Division = { typename: 'Division', labelZh: '行政区划' }
  const Hospital = { typename: 'Hospital', labelZh: '医院' }

  it('turns a unique violation into ALREADY_EXISTS naming the field', () => {
    const error = thrown(() => translateWriteError(unique, Division, 'create', 'en'))
    expect(error.message).toBe('Another Division already has this value (code).')
    expect(error.extensions).toEqual({
      code: 'ALREADY_EXISTS',
      fieldErrors: [{ field: 'code', code: 'unique', message: 'Another record already has this value.' }],
    })
  })

  it('says the same to a Chinese caller in Chinese, naming the record as the console does', () => {
    const error = thrown(() => translateWriteError(unique, Division, 'create', 'zh'))
    expect(error.message).toBe('已有其他行政区划使用该值（code）。')
    expect(error.extensions).toEqual({
      code: 'ALREADY_EXISTS',
      fieldErrors: [{ field: 'code', code: 'unique', message: '已有其他记录使用该值。' }],
    })
    expect(thrown(() => translateWriteError(foreign, Hospital, 'create', 'zh')).message).toBe(
      '该医院引用的记录不存在（divisionId）。',
    )
  })

  it('turns a foreign key refusal into REFERENCE_NOT_FOUND on writes and HAS_DEPENDENTS on delete', () => {
    expect(thrown(() => translateWriteError(foreign, Hospital, 'create', 'en')).extensions?.code).toBe(
      'REFERENCE_NOT_FOUND',
    )
    expect(thrown(() => translateWriteError(foreign, Hospital, 'update', 'en')).message).toContain('(divisionId)')
    expect(thrown(() => translateWriteError(foreign, Division, 'delete', 'en')).extensions?.code).toBe('HAS_DEPENDENTS')
  })

  it('turns a check violation into BAD_USER_INPUT and a vanished record into NOT_FOUND', () => {
    const check = adapterError({ code: '23514', message: 'violates check constraint "beds_check"' })
    expect(thrown(() => translateWriteError(check, Hospital, 'update', 'en')).extensions?.code).toBe('BAD_USER_INPUT')
    expect(thrown(() => translateWriteError(prismaError('P2025'), Hospital, 'update', 'en')).extensions?.code).toBe(
      'NOT_FOUND',
    )
  })

  it('rethrows anything else as it is, to be masked', () => {
    const other = new Error('connection reset')
    expect(thrown(() => translateWriteError(other, Hospital, 'create', 'en'))).toBe(other)
  })
})

describe('classifyError', () => {
  const error = (message: string, options: GraphQLErrorOptions = {}) => new GraphQLError(message, options)

  it('keeps a code the error already has', () => {
    expect(classifyError(error('Conflict', { extensions: { code: 'CONFLICT' } }))).toBe('CONFLICT')
  })

  it.each([
    ['Syntax Error: Expected Name, found <EOF>.', 'GRAPHQL_PARSE_FAILED'],
    ['Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"', 'BAD_USER_INPUT'],
    ['Cannot query field "nope" on type "Division".', 'GRAPHQL_VALIDATION_FAILED'],
    ['Unknown argument "limit" on field "Query.divisions".', 'GRAPHQL_VALIDATION_FAILED'],
    ['Field "HospitalWhere.beds" is not defined by type "HospitalWhere".', 'GRAPHQL_VALIDATION_FAILED'],
    ['Argument "where" has invalid value.', 'GRAPHQL_VALIDATION_FAILED'],
    ['Unknown type "Clinic".', 'GRAPHQL_VALIDATION_FAILED'],
    ['Expected value of type "HospitalRole", found CLINIC.', 'GRAPHQL_VALIDATION_FAILED'],
  ])('classifies “%s” as %s', (message, code) => {
    expect(classifyError(error(message))).toBe(code)
  })

  it.each([
    [413, 'PAYLOAD_TOO_LARGE'],
    [405, 'METHOD_NOT_ALLOWED'],
    [400, 'BAD_REQUEST'],
    [415, 'BAD_REQUEST'],
  ])('classifies a request error with HTTP status %s as %s', (status, code) => {
    expect(classifyError(error('Request refused', { extensions: { http: { status } } }))).toBe(code)
  })

  it('classifies an error with a place in the document but no path as a validation failure', () => {
    expect(classifyError(error('Some rule failed', { source: new Source('{ a }'), positions: [2] }))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    )
  })

  it('classifies anything else, e.g. a resolver failure with a path, as INTERNAL_SERVER_ERROR', () => {
    expect(classifyError(error('Unexpected error.', { path: ['hospitals'] }))).toBe('INTERNAL_SERVER_ERROR')
    expect(classifyError(error('Something broke'))).toBe('INTERNAL_SERVER_ERROR')
  })
})
