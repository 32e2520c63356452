import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// CI's guard that web/src/graphql/ matches schema.graphql and the .graphql operations: codegen is
// run in memory from codegen.yml and every output must equal the committed file byte for byte.
describe('generated GraphQL code', () => {
  it('is up to date (run `npm run codegen` if this fails)', async () => {
    const { config } = await loadCodegenConfig({ configFilePath: join(root, 'codegen.yml') });
    const outputs = (await generate({ ...config, cwd: root, silent: true, verbose: false }, false)) as Array<{ filename: string; content: string }>;
    expect(outputs.map((o) => relative(root, join(root, o.filename))).sort()).toEqual(['web/src/graphql/operations.ts', 'web/src/graphql/types.ts']);
    for (const out of outputs) {
      const onDisk = readFileSync(join(root, out.filename), 'utf8');
      expect(onDisk, `${out.filename} is stale`).toBe(out.content);
    }
  });
});
