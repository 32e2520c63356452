import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverResolvers } from './resolvers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A resolvers folder holding one pipeline with the given step files. */
function pipeline(steps: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolvers-'));
  dirs.push(dir);
  const folder = path.join(dir, 'Query.things');
  fs.mkdirSync(folder);
  for (const f of ['resolver.ts', ...steps]) fs.writeFileSync(path.join(folder, f), 'export {};\n');
  return dir;
}

describe('discoverResolvers', () => {
  it('wires the app and a well-formed pipeline in numeric order', () => {
    expect(discoverResolvers().length).toBeGreaterThan(50);
    const [w] = discoverResolvers(pipeline(['10.last.[NONE].ts', '2.first.[table].ts']));
    expect(w.functions.map((f) => [f.name, f.dataSource])).toEqual([['first', 'table'], ['last', 'NONE']]);
  });

  it('refuses two steps with one number or one name', () => {
    expect(() => discoverResolvers(pipeline(['1.a.[NONE].ts', '1.b.[NONE].ts']))).toThrow('two steps are numbered 1');
    expect(() => discoverResolvers(pipeline(['1.hidden.[table].ts', '2.hidden.[table].ts']))).toThrow('two steps are named hidden');
  });
});
