import { IncomingMessage, ServerResponse, createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import type { Express } from 'express'

/**
 * The HTTP server of an express app whose requests and responses are made with the app's own
 * prototypes. express otherwise swaps both prototypes on every request (`Object.setPrototypeOf`),
 * which gives them new hidden classes and deoptimises every property access after it: ~50 µs of CPU
 * per request, most of what express costs. Swapping to the prototype an object already has changes nothing.
 */
export function appServer(app: Express): Server {
  // Node's constructors are plain functions (so far); were they classes, `call` would throw on each request.
  const isClass = (f: unknown): boolean => Function.prototype.toString.call(f).startsWith('class')
  if (isClass(IncomingMessage) || isClass(ServerResponse)) return createServer(app)
  // `Reflect.construct(…, newTarget)` would do for classes too, but its objects are slower than express' own.
  function AppRequest(this: IncomingMessage, socket: Socket): void {
    IncomingMessage.call(this, socket)
  }
  AppRequest.prototype = app.request
  function AppResponse(this: ServerResponse, req: IncomingMessage, options: unknown): void {
    ;(ServerResponse as unknown as (this: ServerResponse, req: IncomingMessage, options: unknown) => void).call(this, req, options)
  }
  AppResponse.prototype = app.response
  return createServer({ IncomingMessage: AppRequest as unknown as typeof IncomingMessage, ServerResponse: AppResponse as unknown as typeof ServerResponse }, app)
}

/** express' `app.listen` (the callback also hears a listen error), over {@link appServer}. */
export function listenWithAppServer(app: Express): Express['listen'] {
  return ((...args: unknown[]) => {
    const server = appServer(app)
    const callback = args.at(-1)
    if (typeof callback === 'function') {
      let called = false
      const once = (...cbArgs: unknown[]): void => {
        if (called) return
        called = true
        callback(...cbArgs)
      }
      args[args.length - 1] = once
      server.once('error', once)
    }
    return server.listen(...(args as Parameters<Server['listen']>))
  }) as Express['listen']
}
