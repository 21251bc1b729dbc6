/// <reference types="vite/client" />

declare module 'virtual:hub-schema' {
  const schema: import('./providers/schema-types.ts').HubSchema
  export default schema
}
