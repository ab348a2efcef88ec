import { defineConfig } from 'vitest/config'

// Tests run against the TypeScript sources of the workspace packages (the "@ablauf/source" export
// condition); programs and spawned child processes use the built dist.
export default defineConfig({
  resolve: { conditions: ['@ablauf/source'] },
  ssr: { resolve: { conditions: ['@ablauf/source'] } },
  test: {
    include: ['{sdk,engine,deployer,processes}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/fixtures/**'],
    typecheck: {
      enabled: true,
      include: ['{sdk,deployer,processes}/**/*.test-d.ts'],
      tsconfig: './tsconfig.typetests.json',
    },
    // @actions/workflow-parser imports its JSON schema without an import attribute; let Vite load it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
