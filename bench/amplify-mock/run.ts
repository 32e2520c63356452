/**
 * The offline stack vs the Amplify AppSync simulator (`amplify mock`), same run, same store: one
 * `crud(id)` with its `author`, two GetItems per request, through each engine's resolvers (the
 * app's APPSYNC_JS vs equivalent VTL, simulator.ts). Prints req/s, p50/p99 and the ratio
 * (target ≥ 3). Both answers must carry the same `data`.
 *
 * Env: BENCH_DURATION_S (10), BENCH_WARMUP_S (3), BENCH_CONCURRENCY ("1,10,50").
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { loadSettings } from '../lib/load-settings.ts';
import { canPin, formatLoad, startServerProcess } from '../lib/server-process.ts';
import { runLoad } from '../query/load.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const { durationMs, warmupMs, levels } = loadSettings;

const { child, endpoints } = await startServerProcess<{ stack: string; token: string; simulator: string; apiKey: string; body: string }>(path.join(here, 'serve.ts'), 'simulator');
try {
  const stackHeaders = { authorization: endpoints.token };
  const simulatorHeaders = { 'x-api-key': endpoints.apiKey };
  const ask = (url: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: endpoints.body }).then((r) => r.json() as Promise<{ data?: unknown; errors?: unknown }>);
  const [a, b] = await Promise.all([ask(endpoints.stack, stackHeaders), ask(endpoints.simulator, simulatorHeaders)]);
  if (a.errors || b.errors || !isDeepStrictEqual(a.data, b.data)) throw new Error(`answers differ:\n stack:     ${JSON.stringify(a)}\n simulator: ${JSON.stringify(b)}`);

  console.log(`\namplify mock comparison — crud(id) + author (2 GetItems), same store; closed loop, ${warmupMs / 1000} s warm-up, ${durationMs / 1000} s measured; server ${canPin ? 'pinned to core 0, load on core 1' : 'unpinned'}; ${os.cpus()[0]?.model ?? ''}, node ${process.version}`);
  let worst = Infinity;
  for (const concurrency of levels) {
    const sim = await runLoad({ url: endpoints.simulator, body: endpoints.body, headers: simulatorHeaders, concurrency, warmupMs, durationMs });
    const full = await runLoad({ url: endpoints.stack, body: endpoints.body, headers: stackHeaders, concurrency, warmupMs, durationMs });
    const ratio = full.rps / sim.rps;
    worst = Math.min(worst, ratio);
    console.log(`c=${String(concurrency).padEnd(3)} amplify simulator ${formatLoad(sim)}`);
    console.log(`      offline stack     ${formatLoad(full)}   ratio ${ratio.toFixed(2)}${ratio >= 3 ? '' : '  (below target 3)'}`);
  }
  console.log(`worst ratio ${worst.toFixed(2)} (target ≥ 3.00)`);
} finally {
  child.kill('SIGTERM');
}
