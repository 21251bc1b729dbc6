// The console's modules read Vite's `import.meta.env`; Vitest provides it, but the test package
// does not depend on Vite's client types.
interface ImportMeta {
  readonly env: Record<string, string | undefined>
}

// The console's build-time schema description (test/vitest.config.ts gives it the Vite plugin).
declare module 'virtual:hub-schema' {
  const schema: import('../../admin/src/providers/schema-types.ts').HubSchema
  export default schema
}
