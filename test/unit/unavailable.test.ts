// Which errors mean "the database cannot be reached" (503 SERVICE_UNAVAILABLE) rather than a fault
// of ours (masked INTERNAL_SERVER_ERROR) or of the caller's input.
import { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { maskErrorsButUnavailable } from '../../server/src/plugins/database-unavailable.ts'
import { isDatabaseUnavailable } from '../../server/src/records/unavailable.ts'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('isDatabaseUnavailable', () => {
  it.each([
    // As Prisma reports them through @prisma/adapter-pg (seen with PostgreSQL stopped).
    [
      'P1001 with the adapter cause',
      Object.assign(new Error("Can't reach database server"), {
        code: 'P1001',
        meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 } } },
      }),
    ],
    ['P2024 (no pool connection in time)', withCode('P2024')],
    ['adapter kind ConnectionClosed', Object.assign(new Error('adapter'), { cause: { kind: 'ConnectionClosed' } })],
    ['socket ECONNREFUSED', withCode('ECONNREFUSED')],
    ['57P01 terminated by an administrator', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P03 shutting down', withCode('57P03', 'the database system is shutting down')],
    ['class 08 connection exception', withCode('08006')],
    // node-postgres's own errors carry no code.
    ['pg: connection terminated', new Error('Connection terminated unexpectedly')],
    ['pg: pool connect timeout', new Error('timeout exceeded when trying to connect')],
    [
      'pg: client after a connection error',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'wrapped by graphql-js',
      new GraphQLError('x', { originalError: new Error('Connection terminated due to connection timeout') }),
    ],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a unique violation', withCode('P2002')],
    ['a statement timeout (57014: the query, not the connection)', withCode('57014', 'canceling statement')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'Connection terminated'],
  ])('leaves %s alone', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })
})

describe('maskErrorsButUnavailable', () => {
  it('answers an unreachable database with 503 SERVICE_UNAVAILABLE, at the field that failed', () => {
    const raised = new GraphQLError('x', { path: ['hospitals'], originalError: withCode('P1001') })
    const masked = maskErrorsButUnavailable(raised, 'Unexpected error.', false) as GraphQLError
    expect(masked.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      http: { status: 503, headers: { 'Retry-After': '5' } },
    })
    expect(masked.path).toEqual(['hospitals'])
  })

  it.each([
    ['Prisma P2000', withCode('P2000', 'The provided value for the column is too long')],
    [
      'PostgreSQL 22001 under the adapter error',
      Object.assign(new Error('adapter'), {
        meta: {
          driverAdapterError: { cause: { code: '22001', message: 'value too long for type character varying(1000)' } },
        },
      }),
    ],
  ])('answers a value too long for its column (%s) as BAD_USER_INPUT, without the database’s words', (_name, cause) => {
    const raised = new GraphQLError('x', { path: ['lockPeriod'], originalError: cause })
    const masked = maskErrorsButUnavailable(raised, 'Unexpected error.', false) as GraphQLError
    expect(masked.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ code: 'too_long' }] })
    expect(masked.message).not.toMatch(/varying|column/)
    expect(masked.path).toEqual(['lockPeriod'])
  })

  it('masks anything else as before', () => {
    const masked = maskErrorsButUnavailable(new Error('secret detail'), 'Unexpected error.', false) as GraphQLError
    expect(masked.message).toBe('Unexpected error.')
    expect(masked.extensions.code).toBe('INTERNAL_SERVER_ERROR')
  })
})
