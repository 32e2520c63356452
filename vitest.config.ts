import { defineConfig } from 'vitest/config';

// One runner for every test, unit to browser. Tests start real servers on ephemeral ports,
// so they run in forked processes and get generous (not timing-sensitive) timeouts.
export default defineConfig({
  test: {
    include: ['{definitions,local,lambdas,resolvers,seed,scenarios,infra,web,e2e,scripts,bench}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/cdk.out/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // In-process Lambdas log through Powertools (INFO in production); tests keep warnings only.
    env: { POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});
