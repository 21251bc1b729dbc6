// Record types (the hub's RecordType enum) as choices labelled with the console's resource names.
import { useTranslate } from 'react-admin'
import { RECORD_TYPES, resourceOfType } from '../providers/resources.ts'

/** Choices already translated (resource names are plural-aware, so they need a count). */
export function useRecordTypeChoices() {
  const translate = useTranslate()
  return RECORD_TYPES.map((type) => ({
    id: type,
    name: translate(`resources.${resourceOfType(type)}.name`, { smart_count: 1 }),
  }))
}
