import type { Logger } from 'pino'

const LEVELS: Readonly<Record<string, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity }

/**
 * A logger that makes the real one (`make`) only when something is logged at `level` or above, or
 * anything else is asked of it: loading pino costs a cold `ablauf compile` ~18 ms on its critical
 * path, and a compile without problems logs nothing at the default level. Once made, everything
 * goes to the real logger. An unknown level makes it at once (so pino reports it as before).
 */
export function lazyLogger(level: string, make: () => Logger): Logger {
  const threshold = LEVELS[level]
  if (threshold === undefined) return make()
  let real: Logger | undefined
  const get = (): Logger => (real ??= make())
  const noop = (): void => undefined
  return new Proxy({} as Logger, {
    get(_target, prop) {
      if (real === undefined && typeof prop === 'string') {
        const at = LEVELS[prop]
        if (at !== undefined) {
          if (at < threshold || prop === 'silent') return noop
          return (...args: unknown[]) => (get()[prop as 'info'] as (...a: unknown[]) => void)(...args)
        }
        if (prop === 'isLevelEnabled') return (l: string) => (LEVELS[l] ?? 0) >= threshold && l !== 'silent'
        if (prop === 'child') {
          return (bindings: Record<string, unknown>, options?: unknown) =>
            options === undefined ? lazyLogger(level, () => get().child(bindings)) : get().child(bindings, options as never)
        }
      }
      const value: unknown = Reflect.get(get(), prop)
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value
    },
    set(_target, prop, value) {
      return Reflect.set(get(), prop, value)
    },
    has(_target, prop) {
      return Reflect.has(get(), prop)
    },
  })
}

/** The log level the CLI runs at: `ABLAUF_LOG_LEVEL`, default `warn`. */
export function cliLogLevel(env: Readonly<Record<string, string | undefined>>): string {
  return env['ABLAUF_LOG_LEVEL'] ?? 'warn'
}
