import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { simpleGit, type SimpleGit } from 'simple-git'

/** A process module source: `start` (user task) → `done`, optionally with a wait activity in between. */
export function processModule(id: string, name: string, options: { review?: boolean; broken?: boolean } = {}): string {
  const review = options.review
    ? `  .wait('review', { description: 'Wait for a review' })\n  .transition('start', 'review', { description: 'Review first' })\n  .transition('review', 'done', { description: 'Reviewed' })\n`
    : `  .transition('start', 'done', { description: 'Finish' })\n`
  return `import { defineProcess } from '@ablauf/sdk'

export default defineProcess('${id}', { name: ${JSON.stringify(name)}, description: 'A test process', start: { on: 'ticket.created' } })
  .user('start', { description: 'Fill in the title', dialogs: [{ title: 'Start', interface: ['agent'], fields: { Title: 'required' } }] })
  .end('done', { description: 'Finished' })
${review}${options.broken ? "  .transition('start', 'nowhere')\n" : ''}`
}

/** A bare "origin" repository and a working clone that commits and pushes, in a temp folder. */
export interface ProcessRepo {
  root: string
  origin: string
  work: string
  git: SimpleGit
  /** Writes files (path → text; null deletes) under the working clone, commits, pushes; returns the sha. */
  commit(files: Record<string, string | null>, message: string): Promise<string>
  dispose(): void
}

export async function createProcessRepo(): Promise<ProcessRepo> {
  const root = mkdtempSync(path.join(tmpdir(), 'ablauf-gitops-'))
  const origin = path.join(root, 'origin.git')
  const work = path.join(root, 'work')
  await simpleGit().init(true, [origin, '-b', 'main'])
  mkdirSync(work)
  const git = simpleGit({ baseDir: work })
  await git.init(['-b', 'main'])
  await git.addConfig('user.name', 'Ada').addConfig('user.email', 'ada@example.org').addConfig('commit.gpgsign', 'false')
  await git.addRemote('origin', origin)
  writeFileSync(path.join(work, '.git', 'info', 'exclude'), 'node_modules/\n')
  return {
    root,
    origin,
    work,
    git,
    async commit(files, message) {
      for (const [file, text] of Object.entries(files)) {
        const full = path.join(work, file)
        if (text === null) rmSync(full, { force: true })
        else {
          mkdirSync(path.dirname(full), { recursive: true })
          writeFileSync(full, text)
        }
      }
      await git.add(['-A', '.'])
      await git.commit(message)
      await git.push('origin', 'main')
      return (await git.revparse(['HEAD'])).trim()
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  }
}
