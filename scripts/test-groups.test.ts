import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupOf, listTestFiles, testGroups } from './test-groups.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('test groups', () => {
  it('puts every test file in exactly one group', () => {
    const groups = testGroups(root);
    const all = Object.values(groups).flat();
    expect(all.sort()).toEqual(listTestFiles(root));
    expect(new Set(all).size).toBe(all.length);
  });

  it('sorts by what a file does', () => {
    const groups = testGroups(root);
    expect(groups.parity).toContain('parity/errors.parity.test.ts');
    expect(groups.e2e).toEqual(expect.arrayContaining(['e2e/offline-codes.e2e.test.ts', 'local/src/appsync/realtime/test/chromium.test.ts']));
    expect(groups.integration).toEqual(expect.arrayContaining(['local/src/stack.test.ts', 'parity/cloud-wiring.test.ts', 'local/src/cli/start-output.test.ts']));
    expect(groups.unit).toEqual(expect.arrayContaining(['local/src/observability/pretty/format-line.test.ts', 'scripts/test-groups.test.ts']));
  });

  it('reads the rule from path and source', () => {
    // Sources are assembled, so this file's own text does not match the rule it tests.
    const call = (fn: string) => `const x = await ${fn}({ ports: {} });`;
    const chromium = 'chromium';
    expect(groupOf('parity/x.parity.test.ts', '')).toBe('parity');
    expect(groupOf('e2e/x.test.ts', '')).toBe('e2e');
    expect(groupOf('local/x.test.ts', `import { launchChromium } from '../../e2e/${chromium}.ts';`)).toBe('e2e');
    expect(groupOf('local/x.test.ts', call('startStack'))).toBe('integration');
    expect(groupOf('local/x.test.ts', call('startPostgresServer'))).toBe('integration');
    expect(groupOf('local/x.test.ts', call('openDatabase'))).toBe('integration');
    expect(groupOf('local/x.test.ts', call('startAppFixture'))).toBe('integration');
    expect(groupOf('infra/test/x.test.ts', '')).toBe('integration');
    expect(groupOf('local/x.scenario.test.ts', '')).toBe('integration');
    expect(groupOf('local/x.test.ts', call('startDynamo'))).toBe('unit');
  });
});
