/**
 * Sorts every test file into the group `npm run test:<group>` runs, by a rule read from the file
 * itself, so a new test lands in the right group without a list to maintain:
 *
 * - parity:      `parity/*.parity.test.ts`, the scenarios that run offline and against AWS
 *                (`npm run test:cloud`); they share one target chosen by parity/global-setup.ts.
 * - e2e:         browser suites: files under `e2e/` and any test that imports the Chromium
 *                launcher (`e2e/chromium.ts`).
 * - integration: tests that start something heavy — the whole offline stack (`startStack(`) or
 *                the whole app on the engine with a data fixture (`startAppFixture(`), Postgres (embedded PGlite or a server: `openDatabase(`, `PGlite`,
 *                `startPostgresServer(`), the CDK app (every test under `infra/`), the `cruddur-local`
 *                CLI as a process — and `*.scenario.test.ts`. These took 20–90 s a file on the shared
 *                machine; the rest took seconds.
 * - unit:        everything else: no browser, no Postgres, no whole stack, no CDK synth
 *                (`npm run test:unit`).
 *
 * `npm test` runs all four.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Folders that hold tests (the repository's top-level code folders). */
export const testRoots = ['definitions', 'lib', 'local', 'lambdas', 'resolvers', 'seed', 'scenarios', 'infra', 'web', 'e2e', 'scripts', 'bench', 'parity'];
const skipped = new Set(['node_modules', 'dist', 'cdk.out', 'test-results', 'coverage']);
const testFile = /\.test\.tsx?$/;
/** What makes a test an integration test, read from its source. */
const heavy = /\bstartStack\(|\bstartAppFixture\(|\bstartPostgresServer\(|\bopenDatabase\(|\bPGlite\b|cruddur-local\.mjs/;

export type TestGroup = 'parity' | 'e2e' | 'integration' | 'unit';

/** Every test file under the test roots: repo-relative paths, `/`-separated, sorted. */
export function listTestFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (skipped.has(entry.name) || entry.name.startsWith('.')) continue;
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (testFile.test(entry.name)) out.push(rel);
    }
  };
  for (const dir of testRoots) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return out.sort();
}

/** The group of one test file (repo-relative path) from its path and source text. */
export function groupOf(file: string, source: string): TestGroup {
  if (file.startsWith('parity/') && file.endsWith('.parity.test.ts')) return 'parity';
  if (file.startsWith('e2e/') || /from '[^']*chromium\.ts'/.test(source)) return 'e2e';
  if (file.startsWith('infra/') || /\.scenario\.test\.tsx?$/.test(file) || heavy.test(source)) return 'integration';
  return 'unit';
}

/** Every test file of the repository at `root`, by group. */
export function testGroups(root: string): Record<TestGroup, string[]> {
  const groups: Record<TestGroup, string[]> = { unit: [], integration: [], e2e: [], parity: [] };
  for (const file of listTestFiles(root)) groups[groupOf(file, fs.readFileSync(path.join(root, file), 'utf8'))].push(file);
  return groups;
}
