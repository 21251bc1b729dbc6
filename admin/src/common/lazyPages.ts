// Each resource's pages load with their route, so the first screen carries only what it shows.
import { type ComponentType, lazy } from 'react'
import { formPages } from './pages.tsx'

type Module = { default: ComponentType }

export function lazyPage(load: () => Promise<Module>) {
  return lazy(load)
}

/** Create and edit pages around a lazily loaded `<XInputs/>`. */
export function lazyForms(load: () => Promise<Module>) {
  return {
    create: lazy(async () => {
      const { default: Inputs } = await load()
      const { create } = formPages(Inputs)
      return { default: create }
    }),
    edit: lazy(async () => {
      const { default: Inputs } = await load()
      const { edit } = formPages(Inputs)
      return { default: edit }
    }),
  }
}
