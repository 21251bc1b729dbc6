// PostGraphile 5.1 (grafast, @dataplan/pg) declares Node.js >= 22 and calls Promise.withResolvers,
// which Node.js 20 lacks: without it every query fails with "Cannot read properties of undefined
// (reading 'items')". Preloaded (--import) into the PostGraphile process only; it is the
// specification's algorithm, so behaviour matches Node.js 22.
const withResolvers = <T>() => {
  let resolve!: (value: T | PromiseLike<T>) => void
  let reject!: (reason?: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const PromiseConstructor = Promise as unknown as { withResolvers?: typeof withResolvers }
PromiseConstructor.withResolvers ??= withResolvers
