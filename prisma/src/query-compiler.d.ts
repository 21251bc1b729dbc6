// The part of Prisma's WebAssembly query compiler (an untyped runtime module) plan-cache.ts wraps.
declare module '@prisma/client/runtime/query_compiler_bg.postgresql.mjs' {
  export class QueryCompiler {
    compile(request: string): unknown
  }
}
