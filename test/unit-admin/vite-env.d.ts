// The console's modules read Vite's `import.meta.env`; Vitest provides it, but the test package
// does not depend on Vite's client types.
interface ImportMeta {
  readonly env: Record<string, string | undefined>
}
