// What a resource folder's index.ts exports: react-admin's <Resource> props (pages loaded with
// their route) and where the resource sits in the menu. App.tsx finds the folders by themselves.
import type { ResourceProps } from 'react-admin'

export interface ResourceFolder extends Omit<ResourceProps, 'name'> {
  /** Place in the menu, smallest first. */
  menuOrder: number
}

/** The resources of the folders found (`./hospitals/index.ts` → hospitals), in menu order. */
export function resourcesOf(modules: Record<string, { default: unknown }>) {
  return Object.entries(modules)
    .map(([path, module]) => ({ name: path.split('/').at(-2) as string, folder: module.default as ResourceFolder }))
    .filter(({ folder }) => typeof folder === 'object' && folder !== null && 'list' in folder && 'menuOrder' in folder)
    .sort((a, b) => a.folder.menuOrder - b.folder.menuOrder)
}
