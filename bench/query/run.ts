/**
 * Query benchmark: `homeFeed(limit: 20)` with a nested `author` through the
 * full offline pipeline (HTTP, Cognito JWT verification, engine, APPSYNC_JS resolvers, DynamoDB
 * data source, store) vs a bare graphql-js server reading the same data from the same store,
 * in the same run. Prints req/s, p50/p99 and the ratios (target ≥ 1.0 to the SDK baseline).
 *
 * Env: BENCH_DURATION_S (10), BENCH_WARMUP_S (3), BENCH_CONCURRENCY ("1,10,50").
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSettings } from '../lib/load-settings.ts';
import { canPin, formatLoad, startServerProcess } from '../lib/server-process.ts';
import { runLoad } from './load.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const { durationMs, warmupMs, levels } = loadSettings;

const { child, endpoints } = await startServerProcess<{ stack: string; baseline: string; direct: string; token: string; query: string }>(path.join(here, 'serve.ts'), 'stack');

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

  const fmt = formatLoad;
  console.log(`\nquery benchmark — homeFeed(limit: 20) + author, ${Buffer.byteLength(a)} B response; closed loop, ${warmupMs / 1000} s warm-up, ${durationMs / 1000} s measured; server ${canPin ? 'pinned to core 0, load on core 1' : 'unpinned'}; ${os.cpus()[0]?.model ?? ''}, node ${process.version}`);
  let worst = Infinity;
  let worstDirect = Infinity;
  for (const concurrency of levels) {
    const base = await runLoad({ url: endpoints.baseline, body, headers: {}, concurrency, warmupMs, durationMs });
    const direct = await runLoad({ url: endpoints.direct, body, headers: {}, concurrency, warmupMs, durationMs });
    const full = await runLoad({ url: endpoints.stack, body, headers: { authorization: endpoints.token }, concurrency, warmupMs, durationMs });
    const ratio = full.rps / base.rps;
    const ratioDirect = full.rps / direct.rps;
    worst = Math.min(worst, ratio);
    worstDirect = Math.min(worstDirect, ratioDirect);
    console.log(`c=${String(concurrency).padEnd(3)} bare graphql-js, SDK        ${fmt(base)}`);
    console.log(`      bare graphql-js, in-process ${fmt(direct)}`);
    console.log(`      offline stack               ${fmt(full)}   ratio ${ratio.toFixed(2)} (SDK) ${ratioDirect.toFixed(2)} (in-process)${ratio >= 1 ? '' : '  (below target 1.0)'}`);
  }
  // The SDK baseline is what a hand-written server on this store would do; the in-process one
  // shows what is left of the engine's own overhead once both skip the SDK and HTTP.
  console.log(`worst ratio ${worst.toFixed(2)} to bare graphql-js with the SDK (target ≥ 1.0), ${worstDirect.toFixed(2)} to bare graphql-js calling the store in process`);
} finally {
  child.kill('SIGTERM');
}
