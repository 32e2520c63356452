/**
 * Query benchmark (performance.md §5a): `homeFeed(limit: 20)` with a nested `author` through the
 * full offline pipeline (HTTP, Cognito JWT verification, engine, APPSYNC_JS resolvers, DynamoDB
 * data source, store) vs a bare graphql-js server reading the same data from the same store,
 * in the same run. Prints req/s, p50/p99 and the ratio (target ≥ 0.5).
 *
 * Env: BENCH_DURATION_S (10), BENCH_WARMUP_S (3), BENCH_CONCURRENCY ("1,10,50").
 */
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './load.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const durationMs = Number(process.env.BENCH_DURATION_S ?? 10) * 1000;
const warmupMs = Number(process.env.BENCH_WARMUP_S ?? 3) * 1000;
const levels = (process.env.BENCH_CONCURRENCY ?? '1,10,50').split(',').map(Number);
const canPin = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;

const serverArgs = ['--import', 'tsx', path.join(here, 'serve.ts')];
const child = canPin ? spawn('taskset', ['-c', '0', process.execPath, ...serverArgs], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'ERROR' } })
  : spawn(process.execPath, serverArgs, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'ERROR' } });
const endpoints = await new Promise<{ stack: string; baseline: string; token: string; query: string }>((resolve, reject) => {
  const lines = readline.createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    try {
      const value = JSON.parse(line);
      if (value && typeof value.stack === 'string') resolve(value);
    } catch {
      // Lambda log lines from the fixture build.
    }
  });
  child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
});

try {
  const body = JSON.stringify({ query: endpoints.query, operationName: 'Feed' });
  // Same bytes from both servers, or the comparison is meaningless.
  const [a, b] = await Promise.all([
    fetch(endpoints.stack, { method: 'POST', headers: { authorization: endpoints.token, 'content-type': 'application/json' }, body }).then((r) => r.text()),
    fetch(endpoints.baseline, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.text()),
  ]);
  // nextToken is opaque (AppSync seals the key); compare everything else byte for byte.
  const comparable = (t: string) => t.replace(/"nextToken":(null|"[^"]*")/, '"nextToken":"…"');
  if (comparable(a) !== comparable(b)) throw new Error(`responses differ:\n stack:    ${a.slice(0, 300)}\n baseline: ${b.slice(0, 300)}`);

  const fmt = (r: LoadResult) => `${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  non-2xx ${r.non2xx}  errors ${r.withErrors}`;
  console.log(`\nquery benchmark — homeFeed(limit: 20) + author, ${Buffer.byteLength(a)} B response; closed loop, ${warmupMs / 1000} s warm-up, ${durationMs / 1000} s measured; server ${canPin ? 'pinned to core 0, load on core 1' : 'unpinned'}; ${os.cpus()[0]?.model ?? ''}, node ${process.version}`);
  let worst = Infinity;
  for (const concurrency of levels) {
    const base = await runLoad({ url: endpoints.baseline, body, headers: {}, concurrency, warmupMs, durationMs });
    const full = await runLoad({ url: endpoints.stack, body, headers: { authorization: endpoints.token }, concurrency, warmupMs, durationMs });
    const ratio = full.rps / base.rps;
    worst = Math.min(worst, ratio);
    console.log(`c=${String(concurrency).padEnd(3)} bare graphql-js  ${fmt(base)}`);
    console.log(`      offline stack    ${fmt(full)}   ratio ${ratio.toFixed(2)}${ratio >= 0.5 ? '' : '  (below target 0.5)'}`);
  }
  console.log(`worst ratio ${worst.toFixed(2)} (target ≥ 0.50)`);
} finally {
  child.kill('SIGTERM');
}
