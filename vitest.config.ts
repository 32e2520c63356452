import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testGroups } from './scripts/test-groups.ts';

const groups = testGroups(path.dirname(fileURLToPath(import.meta.url)));

// One runner for every test, unit to browser, in four projects (the rule: scripts/test-groups.ts).
// `npm test` runs them all; `npm run test:unit` / `test:e2e` / `test:cloud` one each. Tests start
// real servers on ephemeral ports, so they run in forked processes and get generous (not
// timing-sensitive) timeouts.
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**', '**/cdk.out/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // In-process Lambdas log through Powertools (INFO in production); tests keep warnings only.
    env: { POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_METRICS_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: groups.unit } },
      { extends: true, test: { name: 'integration', include: groups.integration } },
      { extends: true, test: { name: 'e2e', include: groups.e2e } },
      // One target for the whole suite: an offline stack, or the deployment CRUDDUR_OUTPUTS names.
      { extends: true, test: { name: 'parity', include: groups.parity, globalSetup: ['parity/global-setup.ts'], testTimeout: 60_000, hookTimeout: 180_000 } },
    ],
  },
});
