// Each resource's pages load with their route, so the first screen carries only what it shows.
import { type ComponentType, lazy } from 'react'

type Module = { default: ComponentType }

export function lazyPage(load: () => Promise<Module>) {
  return lazy(load)
}

/** Create and edit pages around a lazily loaded `<XInputs/>` (the page frame loads with them). */
export function lazyForms(load: () => Promise<Module>) {
  const page = (kind: 'create' | 'edit') =>
    lazy(async () => {
      const [{ default: Inputs }, { formPages }] = await Promise.all([load(), import('./forms.tsx')])
      return { default: formPages(Inputs)[kind] }
    })
  return { create: page('create'), edit: page('edit') }
}
