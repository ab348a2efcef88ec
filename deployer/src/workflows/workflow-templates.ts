/**
 * GitHub Actions workflows of a process repository, as text: `ablauf init` scaffolds them and this
 * repository keeps the same text under `.github/workflows/`. `${{ … }}` is GitHub's own expression
 * syntax, so the templates are plain strings (no interpolation).
 */

/** The workflow file names under `.github/workflows/`. */
export const PLAN_WORKFLOW_FILE = 'plan.yml'
export const DEPLOY_WORKFLOW_FILE = 'deploy.yml'

/**
 * Pull requests: compile, plan against the engine, post the plan as one marked comment. `dir` is the
 * process folder inside the repository (`.` when the repository is the process folder).
 */
export function planWorkflow(dir = 'processes'): string {
  return `# Ablauf: on every pull request, compile the processes, plan against the engine and post the plan
# as one comment (updated in place on each push). Needs the repository variable ABLAUF_ENGINE_URL and a
# read-scoped engine token in the secret ABLAUF_READ_TOKEN.
name: ablauf plan
on:
  pull_request:
permissions:
  contents: read
  pull-requests: write
concurrency:
  group: ablauf-plan-\${{ github.event.number }}
  cancel-in-progress: true
jobs:
  plan:
    runs-on: ubuntu-latest
    env:
      ABLAUF_ENGINE_URL: \${{ vars.ABLAUF_ENGINE_URL }}
      ABLAUF_TOKEN: \${{ secrets.ABLAUF_READ_TOKEN }}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npm run build --if-present
      - name: Compile
        run: npx ablauf compile --dir ${dir}
      - name: Plan
        # Exit 2 means "there are changes", which is what a pull request is for.
        run: |
          set +e
          npx ablauf plan --dir ${dir} --format markdown > ablauf-plan.md
          code=$?
          cat ablauf-plan.md
          if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then exit "$code"; fi
      - name: Comment on the pull request
        env:
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
        run: npx ablauf github comment --pr \${{ github.event.number }} --body-file ablauf-plan.md
`
}

/** Pushes to main: apply atomically; one deployment at a time, none cancelled halfway. */
export function deployWorkflow(dir = 'processes'): string {
  return `# Ablauf: deploy every commit on main to the engine. Deploys never overlap and are never cancelled
# halfway (a queued one waits). Needs the variable ABLAUF_ENGINE_URL and a deploy-scoped engine token in
# the secret ABLAUF_DEPLOY_TOKEN of the "production" environment.
name: ablauf deploy
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  statuses: write
concurrency:
  group: ablauf-deploy-production
  cancel-in-progress: false
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    env:
      ABLAUF_ENGINE_URL: \${{ vars.ABLAUF_ENGINE_URL }}
      ABLAUF_TOKEN: \${{ secrets.ABLAUF_DEPLOY_TOKEN }}
      GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npm run build --if-present
      - name: Compile
        run: npx ablauf compile --dir ${dir}
      - name: Apply
        run: npx ablauf apply --dir ${dir}
`
}

/** The workflows of this repository (processes in `processes/`). */
export const PLAN_WORKFLOW = planWorkflow()
export const DEPLOY_WORKFLOW = deployWorkflow()

/** Path (relative to a repository root) → text, for scaffolding a repository whose processes are in `dir`. */
export function workflowFiles(dir = 'processes'): Record<string, string> {
  return {
    [`.github/workflows/${PLAN_WORKFLOW_FILE}`]: planWorkflow(dir),
    [`.github/workflows/${DEPLOY_WORKFLOW_FILE}`]: deployWorkflow(dir),
  }
}
