import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from 'pg'

/** A PostgreSQL for one test file: a fresh database at `url`, more on request, all gone after `stop()`. */
export interface TestPostgres {
  /** A fresh, empty database of this test file. */
  url: string
  /** Another fresh, empty database (e.g. one per test). */
  createDatabase(): Promise<string>
  /** Drops the databases (ABLAUF_TEST_POSTGRES_URL) or stops and deletes the throwaway cluster. */
  stop(): Promise<void>
}

/** Why no PostgreSQL can be had here, or undefined when one can. */
export function postgresUnavailableReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ABLAUF_TEST_POSTGRES_URL !== undefined && env.ABLAUF_TEST_POSTGRES_URL !== '') return undefined
  return findBinDir(env) === undefined
    ? 'no PostgreSQL: set ABLAUF_TEST_POSTGRES_URL, or install the server binaries (initdb, pg_ctl; Debian: apt-get install postgresql)'
    : undefined
}

/**
 * The PostgreSQL of a test file, or undefined — with a console warning — when there is none and this
 * is not CI. On CI (`CI=true`) a missing PostgreSQL fails the run instead of silently testing less.
 */
export async function startTestPostgresIfAvailable(env: NodeJS.ProcessEnv = process.env): Promise<TestPostgres | undefined> {
  const reason = postgresUnavailableReason(env)
  if (reason === undefined) return startTestPostgres(env)
  if (env.CI === 'true' || env.CI === '1') throw new Error(`${reason} (CI=true: PostgreSQL tests must run)`)
  console.warn(`[ablauf tests] PostgreSQL tests left out: ${reason}`)
  return undefined
}

/**
 * Starts PostgreSQL for a test file: with ABLAUF_TEST_POSTGRES_URL, fresh databases on that server;
 * else a throwaway cluster (initdb into a temp dir, pg_ctl on a free port of 127.0.0.1, fsync off; run
 * as the `postgres` user when we are root). Throws when neither is possible.
 */
export async function startTestPostgres(env: NodeJS.ProcessEnv = process.env): Promise<TestPostgres> {
  const given = env.ABLAUF_TEST_POSTGRES_URL
  if (given !== undefined && given !== '') return onServer(given, async () => undefined)
  const cluster = await startCluster(env)
  try {
    return await onServer(cluster.url, cluster.stop)
  } catch (err) {
    await cluster.stop()
    throw err
  }
}

/** Fresh databases on the server at `adminUrl`; `stop` drops them, then runs `after`. */
async function onServer(adminUrl: string, after: () => Promise<void>): Promise<TestPostgres> {
  const created: string[] = []
  const admin = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
    const c = new Client({ connectionString: adminUrl })
    await c.connect()
    try {
      return await fn(c)
    } finally {
      await c.end()
    }
  }
  const createDatabase = async (): Promise<string> => {
    const name = `ablauf_test_${process.pid}_${randomBytes(4).toString('hex')}`
    // template0 with FILE_COPY: the quickest way to an empty database.
    await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 STRATEGY FILE_COPY`))
    created.push(name)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    return url.toString()
  }
  const url = await createDatabase()
  return {
    url,
    createDatabase,
    async stop() {
      try {
        await admin(async (c) => {
          for (const name of created.splice(0)) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        })
      } finally {
        await after()
      }
    },
  }
}

interface Cluster {
  url: string
  stop(): Promise<void>
}

async function startCluster(env: NodeJS.ProcessEnv): Promise<Cluster> {
  const bin = findBinDir(env)
  if (bin === undefined) throw new Error(postgresUnavailableReason({}) ?? 'no PostgreSQL')
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'ablauf-pg-'))
  const data = join(dir, 'data')
  const run = (tool: string, args: string[]): void => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir })
    if (r.status !== 0) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : ''
      throw new Error(`${tool} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}${r.error?.message ?? ''}\n${log}`)
    }
  }
  let started = false
  const stopNow = (): void => {
    if (started) {
      started = false
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true })
  }
  // A test process that dies without calling stop() must not leave a server behind.
  process.once('exit', stopNow)
  try {
    if (asRoot) {
      // PostgreSQL refuses to run as root: the cluster belongs to the `postgres` user.
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
      chownSync(dir, uid, gid)
    }
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync'])
    // The free port may be taken by someone else before the server binds it: try another.
    for (let tries = 1; !started; tries++) {
      const settings = [
        `-p ${await freePort()}`, `-k ${dir}`, `-c listen_addresses=127.0.0.1`, '-c fsync=off', '-c synchronous_commit=off',
        '-c full_page_writes=off', '-c max_connections=200', '-c shared_buffers=32MB',
      ].join(' ')
      try {
        run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'])
        started = true
      } catch (err) {
        if (tries >= 3) throw err
      }
    }
  } catch (err) {
    process.removeListener('exit', stopNow)
    stopNow()
    throw err
  }
  return {
    url: `postgres://postgres@127.0.0.1:${await portOf(data)}/postgres`,
    async stop() {
      process.removeListener('exit', stopNow)
      stopNow()
    },
  }
}

/** The port the cluster listens on (from postmaster.pid, line 4). */
async function portOf(data: string): Promise<number> {
  const line = readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[3]
  const port = Number(line)
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no port in ${join(data, 'postmaster.pid')}`)
  return port
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Where initdb and pg_ctl are: ABLAUF_PG_BINDIR, Debian's /usr/lib/postgresql/<newest>/bin, or PATH. */
function findBinDir(env: NodeJS.ProcessEnv): string | undefined {
  const has = (dir: string): boolean => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))
  if (env.ABLAUF_PG_BINDIR !== undefined && has(env.ABLAUF_PG_BINDIR)) return env.ABLAUF_PG_BINDIR
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    for (const v of versions) if (has(join(debian, v, 'bin'))) return join(debian, v, 'bin')
  }
  for (const dir of (env.PATH ?? '').split(':')) if (dir !== '' && has(dir)) return dir
  return undefined
}
