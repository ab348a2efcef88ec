import { workflowFiles } from '../workflows/index.js'

/** The files of a fresh process repository besides the target snapshot and its types. */
export function repoTemplates(name: string): Record<string, string> {
  const pkg = {
    name,
    private: true,
    type: 'module',
    scripts: { compile: 'ablauf compile --dir .', diagram: 'ablauf diagram --dir . incident-triage', test: 'vitest run' },
    dependencies: { '@ablauf/sdk': '^0.1.0' },
    devDependencies: { '@ablauf/deployer': '^0.1.0', typescript: '~6.0.3', vitest: '^4.1.12' },
  }
  const tsconfig = {
    compilerOptions: {
      target: 'ES2023',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
    include: ['**/*.ts'],
    exclude: ['node_modules', '.ablauf'],
  }
  return {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    '.gitignore': 'node_modules/\n.ablauf/\ndist/\n',
    'README.md': README,
    'incident-triage.process.ts': EXAMPLE_PROCESS,
    'incident-triage.process.test.ts': EXAMPLE_TEST,
    ...workflowFiles('.'),
  }
}

const README = `# Processes

Ticket processes as code, for Ablauf. Each \`*.process.ts\` module exports one process.

- \`npx ablauf compile --dir .\` — type-check, evaluate and validate; writes \`.ablauf/build\`
- \`npx vitest run\` — process unit tests with \`simulate()\`
- \`npx ablauf schema pull --engine URL --dir .\` — refresh \`ablauf.target.json\` and \`ablauf-target.d.ts\`
- \`npx ablauf diagram incident-triage --dir .\` — a Mermaid flowchart

Commit \`package-lock.json\`: the workflows in \`.github/workflows\` install with \`npm ci\`.
`

const EXAMPLE_PROCESS = `import { defineProcess, field, sendEmail, setQueue, setState } from '@ablauf/sdk'

/** New incidents in the Service Desk are classified; hardware goes to the Hardware queue; an agent confirms. */
export default defineProcess('incident-triage', {
  name: 'Incident triage',
  description: 'Classify new incidents and let an agent confirm the category',
  start: { on: 'ticket.created', when: field('Queue').eq('Service Desk') },
})
  .script('classify', {
    description: 'Guess the category from keywords in the title',
    script: 'classify-by-keywords',
    params: { source: 'Title' },
  })
  .user('confirm', {
    description: 'An agent confirms or corrects the category',
    dialogs: [{ title: 'Confirm category', fields: { DynamicField_Category: 'required', Article: 'optional' } }],
  })
  .end('done', { description: 'The incident is classified' })
  .transition('classify', 'confirm', {
    description: 'Hardware incidents move to the Hardware queue',
    when: field('DynamicField_Category').eq('hardware'),
    actions: [setQueue('Hardware')],
  })
  .transition('classify', 'confirm', { description: 'Everything else stays in the Service Desk' })
  .transition('confirm', 'done', {
    description: 'Confirmed: close and tell the customer',
    actions: [setState('closed successful'), sendEmail({ to: ['{{customer.Email}}'], template: 'ticket-closed' })],
  })
`

const EXAMPLE_TEST = `import { simulate } from '@ablauf/sdk/testing'
import { describe, expect, it } from 'vitest'
import incidentTriage from './incident-triage.process.js'

describe('incident-triage', () => {
  it('moves hardware incidents to the Hardware queue and closes them once confirmed', () => {
    const run = simulate(incidentTriage, {
      ticket: { Title: 'Laptop broken', Queue: 'Service Desk' },
      scripts: { 'classify-by-keywords': { DynamicField_Category: 'hardware' } },
    }).submit('confirm', { DynamicField_Category: 'hardware' })

    expect(run.path).toEqual(['classify', 'confirm', 'done'])
    expect(run.ticket.Queue).toBe('Hardware')
    expect(run.ticket.State).toBe('closed successful')
  })
})
`
