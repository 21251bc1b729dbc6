// Create and edit pages around a lazily loaded `<XInputs/>`: each loads with its route, so the
// first screen carries only what it shows.
import { type ComponentType, lazy } from 'react'

type Module = { default: ComponentType }

/** Create and edit pages around a lazily loaded `<XInputs/>` (the page frame loads with them). */
export function lazyForms(load: () => Promise<Module>) {
  const page = (kind: 'create' | 'edit') =>
    lazy(async () => {
      const [{ default: Inputs }, { formPages }] = await Promise.all([load(), import('./forms.tsx')])
      return { default: formPages(Inputs)[kind] }
    })
  return { create: page('create'), edit: page('edit') }
}
