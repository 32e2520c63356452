#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/*/run.ts, one after another, each in its own
// process (pinned to core 1 when taskset and a second core exist; each bench pins its server to
// core 0). Benchmarks print their own tables; this script only sequences them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const benches = fs
  .readdirSync(path.join(root, 'bench'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, 'bench', d.name, 'run.ts')))
  .map((d) => d.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
const pin = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;
let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`);
  const args = ['--import', 'tsx', path.join('bench', name, 'run.ts')];
  const result = pin
    ? spawnSync('taskset', ['-c', '1', process.execPath, ...args], { cwd: root, stdio: 'inherit' })
    : spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.error(`bench/${name} failed (${result.status ?? result.signal})`);
  }
}
process.exit(failed ? 1 : 0);
