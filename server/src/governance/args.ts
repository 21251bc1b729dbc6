// The arguments by which a root field says which copy of the records to read (reading.ts).
/* biome-ignore-all lint/suspicious/noExplicitAny: Pothos's argument builder, shared by many field kinds */
import { builder } from '../builder.ts'

export const RecordView = builder.enumType('RecordView', {
  description: 'Which copy of the records to read.',
  values: {
    WORKING: {
      value: 'WORKING',
      description: 'The working copy operators edit, changes still in review included (operators only).',
    },
    PUBLISHED: {
      value: 'PUBLISHED',
      description: 'The published copy: what partners read. The default for keys and anonymous callers.',
    },
  } as const,
})

/** `view` and `asOf`, for every root field that reads records; one request reads one copy. */
export function readingArgs(t: any) {
  return {
    view: t.arg({
      type: RecordView,
      description:
        'WORKING (operators; their default) or PUBLISHED (partners’ only view). Every field of a request reads the same copy.',
    }),
    asOf: t.arg({
      type: 'DateTime',
      description:
        'Read the published copy as it stood at this moment (read-only; not before the first publication, not in the future).',
    }),
  }
}
