/**
 * API cache benchmark: the guest `publicFeed(limit: 20)` and `user(handle)` through the full
 * offline stack (HTTP, Lambda authorizer, engine, APPSYNC_JS resolvers, store) with the API cache
 * as deployed (definitions/caching.ts) vs without it, same fixture, same run. Prints req/s and
 * p50/p99 for each and the speed-up. Both stacks must answer byte for byte the same.
 *
 * Env: BENCH_DURATION_S (10), BENCH_WARMUP_S (3), BENCH_CONCURRENCY ("1,10,50").
 */
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { demoUsers } from '../../definitions/demo-users.ts';
import { runLoad, type LoadResult } from '../query/load.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const durationMs = Number(process.env.BENCH_DURATION_S ?? 10) * 1000;
const warmupMs = Number(process.env.BENCH_WARMUP_S ?? 3) * 1000;
const levels = (process.env.BENCH_CONCURRENCY ?? '1,10,50').split(',').map(Number);
const canPin = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;

const queries = {
  'publicFeed(limit: 20)': `query PublicFeed { publicFeed(limit: 20) {
    items { id message createdAt likesCount viewerHasLiked viewerHasReposted author { id handle displayName avatarUrl viewerFollows } } nextToken } }`,
  'user(handle)': `query Profile { user(handle: "${demoUsers[0].handle}") {
    id handle displayName bio avatarUrl followersCount followingCount crudsCount viewerFollows followsViewer viewerIsSelf unreadNotificationsCount } }`,
};
const guest = { authorization: 'guest' };

const env = { ...process.env, NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'ERROR', LAMBDA_LOG_LEVEL: 'ERROR' };
const children: ReturnType<typeof spawn>[] = [];
/** Starts one server process (cached or not) and resolves to its GraphQL URL. */
function startServer(mode: 'cached' | 'uncached'): Promise<string> {
  const args = ['--import', 'tsx', path.join(here, 'serve.ts'), mode];
  const child = canPin ? spawn('taskset', ['-c', '0', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env }) : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  children.push(child);
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const value = JSON.parse(line);
        if (value && typeof value.graphql === 'string') resolve(value.graphql);
      } catch {
        // Lambda log lines from the fixture build.
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited (${code})`)));
  });
}
const endpoints = { cached: await startServer('cached'), uncached: await startServer('uncached') };

const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { ...guest, 'content-type': 'application/json' }, body }).then((r) => r.text());
// Ids, times and opaque tokens differ between the two stacks' fixtures; the shape and text must not.
const comparable = (t: string) => t.replace(/"(id|createdAt|nextToken)":("[^"]*"|null)/g, '"$1":"…"');

try {
  const fmt = (r: LoadResult) => `${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  non-2xx ${r.non2xx}  errors ${r.withErrors}`;
  console.log(`\nAPI cache benchmark — guest reads, cached (definitions/caching.ts) vs no API cache; closed loop, ${warmupMs / 1000} s warm-up, ${durationMs / 1000} s measured; server ${canPin ? 'pinned to core 0, load on core 1' : 'unpinned'}; ${os.cpus()[0]?.model ?? ''}, node ${process.version}`);
  for (const [name, query] of Object.entries(queries)) {
    const body = JSON.stringify({ query });
    const [a, b] = await Promise.all([post(endpoints.cached, body), post(endpoints.uncached, body)]);
    if (comparable(a) !== comparable(b) || a.includes('"errors"')) throw new Error(`${name}: responses differ or fail:\n cached:   ${a.slice(0, 300)}\n uncached: ${b.slice(0, 300)}`);
    console.log(`\n${name}, ${Buffer.byteLength(a)} B response`);
    for (const concurrency of levels) {
      const off = await runLoad({ url: endpoints.uncached, body, headers: guest, concurrency, warmupMs, durationMs });
      const on = await runLoad({ url: endpoints.cached, body, headers: guest, concurrency, warmupMs, durationMs });
      console.log(`c=${String(concurrency).padEnd(3)} no API cache  ${fmt(off)}`);
      console.log(`      API cache     ${fmt(on)}   ×${(on.rps / off.rps).toFixed(2)} req/s, p99 ×${(on.p99 / off.p99).toFixed(2)}`);
    }
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
}
