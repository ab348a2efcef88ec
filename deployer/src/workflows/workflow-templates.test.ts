import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow, type WorkflowTemplate } from '@actions/workflow-parser'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { DEPLOY_WORKFLOW, PLAN_WORKFLOW, workflowFiles } from './workflow-templates.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const WORKFLOWS = path.join(ROOT, '.github', 'workflows')

/** Parses a workflow as GitHub does; returns the template and every error the parser found. */
async function parseAsGitHub(name: string, content: string): Promise<{ template: WorkflowTemplate; errors: string[] }> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const errors = result.context.errors.getErrors().map((e) => e.message)
  if (result.value === undefined) return { template: { events: {}, jobs: [], concurrency: undefined!, env: undefined! }, errors }
  const template = await convertWorkflowTemplate(result.context, result.value)
  return { template, errors: [...errors, ...(template.errors ?? []).map((e) => e.Message)] }
}

describe('workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort()

  test('the repository has ci, plan and deploy workflows', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'deploy.yml', 'plan.yml']))
  })

  test.each(files)('%s parses without errors', async (file) => {
    const { errors } = await parseAsGitHub(file, readFileSync(path.join(WORKFLOWS, file), 'utf8'))
    expect(errors).toEqual([])
  })

  test.each(Object.entries(workflowFiles()))('%s is the exported template', (file, text) => {
    expect(readFileSync(path.join(ROOT, file), 'utf8')).toBe(text)
  })

  test.each(Object.entries(workflowFiles('.')))('%s as ablauf init scaffolds it (processes at the root) parses', async (file, text) => {
    expect(text).toContain('npx ablauf compile --dir .\n')
    expect((await parseAsGitHub(file, text)).errors).toEqual([])
  })

  test('a broken workflow is caught (the check is not vacuous)', async () => {
    const { errors } = await parseAsGitHub('broken.yml', 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n')
    expect(errors.length).toBeGreaterThan(0)
  })

  test('plan runs on pull requests: compile, plan as Markdown, one comment on the PR', () => {
    const wf = parse(PLAN_WORKFLOW) as { on: Record<string, unknown>; jobs: { plan: { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] } } }
    expect(Object.keys(wf.on)).toEqual(['pull_request'])
    const steps = wf.jobs.plan.steps
    expect(steps.map((s) => s.uses).filter(Boolean)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4'])
    expect(steps[1]!.with?.['node-version']).toBe(20)
    const runs = steps.map((s) => s.run ?? '').join('\n')
    expect(runs).toMatch(/npm ci[\s\S]*npx ablauf compile[\s\S]*npx ablauf plan --dir processes --format markdown[\s\S]*npx ablauf github comment --pr \$\{\{ github\.event\.number \}\}/)
  })

  test('deploy runs on main in the production environment, never two at once, never cancelled', () => {
    const wf = parse(DEPLOY_WORKFLOW) as {
      on: { push: { branches: string[] } }
      concurrency: { group: string; 'cancel-in-progress': boolean }
      jobs: { deploy: { environment: string; steps: { run?: string }[] } }
    }
    expect(wf.on.push.branches).toEqual(['main'])
    expect(wf.concurrency).toEqual({ group: 'ablauf-deploy-production', 'cancel-in-progress': false })
    expect(wf.jobs.deploy.environment).toBe('production')
    expect(wf.jobs.deploy.steps.map((s) => s.run).filter(Boolean)).toContain('npx ablauf apply --dir processes')
  })
})
