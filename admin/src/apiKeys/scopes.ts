// Partner key scopes: "read" (every record type), "read:<Type>" (one type), "restricted"
// (contact phones, exact locations of children's homes), labelled in the reader's language.
import type { TranslateFunction } from 'react-admin'
import { RECORD_TYPES, resourceOfType } from '../providers/resources.ts'

export const SCOPES = ['read', ...RECORD_TYPES.map((type) => `read:${type}`), 'restricted']

export function scopeLabel(translate: TranslateFunction, scope: string) {
  if (scope.startsWith('read:')) {
    const resource = resourceOfType(scope.slice(5))
    return translate('hub.apiKeys.scopeReadType', {
      name: resource ? translate(`resources.${resource}.name`, { smart_count: 2 }) : scope.slice(5),
    })
  }
  return translate(`hub.apiKeys.scope.${scope}`, { _: scope })
}
