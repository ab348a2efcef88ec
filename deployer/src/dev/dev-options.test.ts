import path from 'node:path'
import { isAblaufError } from '@ablauf/sdk/errors'
import { describe, expect, it } from 'vitest'
import { resolveDevSettings } from './dev-options.js'

const cwd = '/work/repo/sub'
const root = '/work/repo'

describe('resolveDevSettings', () => {
  it('defaults: port 8080, .ablauf/dev.db under the repository root, processes/, a fresh token', () => {
    const a = resolveDevSettings({}, {}, cwd, root)
    const b = resolveDevSettings({}, {}, cwd, root)
    expect(a).toMatchObject({ port: 8080, dbPath: path.join(root, '.ablauf', 'dev.db'), dir: path.join(cwd, 'processes'), tokenGenerated: true })
    expect(a.token).not.toBe(b.token)
    expect(a.token.length).toBeGreaterThanOrEqual(16)
  })

  it('--port wins over PORT; ABLAUF_TOKEN is used as it is; --db and --dir resolve against the cwd', () => {
    const env = { PORT: '9000', ABLAUF_TOKEN: 'my-own-dev-token-123' }
    expect(resolveDevSettings({}, env, cwd, root)).toMatchObject({ port: 9000, token: 'my-own-dev-token-123', tokenGenerated: false })
    expect(resolveDevSettings({ port: '0', db: 'sqlite:tmp/x.db', dir: '../procs' }, env, cwd, root)).toMatchObject({
      port: 0,
      dbPath: path.join(cwd, 'tmp', 'x.db'),
      dir: path.join(root, 'procs'),
    })
  })

  it('names the flag or variable that is wrong', () => {
    const wrong = (fn: () => unknown): string => {
      try {
        fn()
      } catch (err) {
        if (isAblaufError(err, 'CONFIG_INVALID')) return err.message
        throw err
      }
      throw new Error('expected CONFIG_INVALID')
    }
    expect(wrong(() => resolveDevSettings({ port: 'http' }, {}, cwd, root))).toContain('--port')
    expect(wrong(() => resolveDevSettings({}, { PORT: '70000' }, cwd, root))).toContain('env PORT')
    expect(wrong(() => resolveDevSettings({}, { ABLAUF_TOKEN: 'short' }, cwd, root))).toContain('ABLAUF_TOKEN must have at least 16 characters')
  })
})
