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
    // Lambdas log through Powertools (INFO in production); tests keep warnings only: handlers
    // called directly read POWERTOOLS_LOG_LEVEL, a stack's functions LAMBDA_LOG_LEVEL (startStack's
    // functionLogLevel: they see no host variable).
    env: { POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_METRICS_DISABLED: 'true', LAMBDA_LOG_LEVEL: 'WARN' },
    projects: [
      // Unit files are small and mostly wait on loopback I/O: two worker threads per machine keep
      // both cores busy (vitest's default is cores − 1, one on a 2-core machine) and start faster
      // than forks. The heavy groups keep one forked worker each and run after them
      // (groupOrder), so a stack, a browser and Postgres never compete with each other.
      { extends: true, test: { name: 'unit', include: groups.unit, pool: 'threads', maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'integration', include: groups.integration, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'e2e', include: groups.e2e, sequence: { groupOrder: 1 } } },
      // One target for the whole suite: an offline stack, or the deployment CRUDDUR_OUTPUTS names.
      { extends: true, test: { name: 'parity', include: groups.parity, sequence: { groupOrder: 1 }, globalSetup: ['parity/global-setup.ts'], testTimeout: 60_000, hookTimeout: 180_000 } },
    ],
  },
});
