import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../lambda-runtime/invoke.ts';
import { parseStartArgs } from './start.ts';

describe('cruddur-local start arguments', () => {
  it('defaults to .cruddur at the repo root, seeded', () => {
    expect(parseStartArgs([])).toEqual({ dataDir: path.join(repoRoot, '.cruddur'), seed: true, large: false, outputsFile: path.join(repoRoot, 'amplify_outputs.json') });
  });
  it('accepts --data-dir DIR, --data-dir=DIR and --no-seed', () => {
    expect(parseStartArgs(['--data-dir', 'x', '--no-seed'])).toMatchObject({ dataDir: path.resolve('x'), seed: false, large: false });
    expect(parseStartArgs(['--data-dir=/tmp/y'])).toMatchObject({ dataDir: '/tmp/y', seed: true, large: false });
  });
  it('writes amplify_outputs.json where --outputs says', () => {
    expect(parseStartArgs(['--outputs', 'o.json'])).toMatchObject({ outputsFile: path.resolve('o.json') });
    expect(parseStartArgs(['--outputs=/tmp/o.json'])).toMatchObject({ outputsFile: '/tmp/o.json' });
  });
  it('accepts --seed large and --seed=large, not with --no-seed', () => {
    expect(parseStartArgs(['--seed', 'large'])).toMatchObject({ seed: true, large: true });
    expect(parseStartArgs(['--seed=large'])).toMatchObject({ seed: true, large: true });
    expect(parseStartArgs(['--seed', 'small'])).toMatch(/unknown/);
    expect(parseStartArgs(['--seed', 'large', '--no-seed'])).toMatch(/exclude/);
  });
  it('rejects unknown or incomplete options', () => {
    expect(parseStartArgs(['--data-dir'])).toMatch(/incomplete option '--data-dir'/);
    expect(parseStartArgs(['--seed-everything'])).toMatch(/unknown/);
  });
});
