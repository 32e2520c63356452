// Entry for the thumbnail benchmark (`npm run bench -- thumbnails`): runs server.ts once per mode
// — the thumbnailer isolated as definitions/buckets.ts declares it, then in the server's process as
// it ran before decision 016 — and prints one table comparing them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('./server.ts', import.meta.url));
const rows: string[] = [];
let status = 0;
for (const mode of ['isolated', 'in-process'] as const) {
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', server], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, THUMBNAIL_MODE: mode, POWERTOOLS_LOG_LEVEL: 'ERROR', LAMBDA_LOG_LEVEL: 'ERROR' } });
  status ||= result.status ?? 1;
  const line = result.stdout.split('\n').find((l) => l.startsWith('|'));
  if (line) rows.push(line);
}
console.log('Four 39.7 MP PNGs uploaded at once; `{ __typename }` sent every 100 ms until the thumbnails are done.');
console.log('| thumbnailer | server RSS growth (MB) | __typename p50 / p99 / max (ms) | queries | thumbnails done (s) |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
process.exit(status);
