import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/** Where the test machines have Chromium (`apt-get install -y chromium`); `ABLAUF_CHROMIUM` points elsewhere (e.g. Chrome on GitHub's runners). */
export const CHROMIUM_PATH = process.env['ABLAUF_CHROMIUM'] ?? '/usr/bin/chromium'

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

/** A headless Chromium on a fresh profile; `problems` collects page errors and console errors (CSP violations among them). */
export interface WebBrowser {
  context: BrowserContext
  open(url: string): Promise<Page>
  problems: string[]
  close(): Promise<void>
}

/** Launches Chromium; a missing browser fails the test (in CI and locally alike), it never skips. */
export async function launchBrowser(): Promise<WebBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}; install it (apt-get install -y chromium) — browser tests fail rather than skip`)
  }
  // launch() refuses a --user-data-dir argument; a persistent context on a fresh folder is the same thing.
  const profile = mkdtempSync(join(tmpdir(), 'ablauf-chromium-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: ARGS, headless: true })
  const problems: string[] = []
  return {
    context,
    problems,
    async open(url) {
      const page = await context.newPage()
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of (401|403|404|409|422)/.test(msg.text())) {
          problems.push(`console: ${msg.text()}`)
        }
      })
      await page.goto(url)
      return page
    },
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
