/**
 * How cost grows with size (ratios and curves, not timed tests):
 * 1. homeFeed(limit: 20) p50/p99 and req/s at 1k, 10k and 50k cruds: must stay flat (O(page));
 *    prints the 50k / 1k ratios.
 * 2. Fan-out work per post at 10, 100, 1k and 10k followers: consumer time, items written,
 *    DynamoDB calls and units.
 * 3. TTL sweep of expired items beside as many live ones: time, items/s, memory.
 * Then writes the per-operation counts to bench/cost/measured.json and prints the cost model.
 *
 * `--full` (or BENCH_FULL=1 through `npm run bench`): the feed curve on the full fixture's shape (1,000 users following 50) and the TTL
 * sweep at 100k expired items. Env: BENCH_DURATION_S (5), BENCH_WARMUP_S (2), BENCH_CONCURRENCY (10).
 */
import fs from 'node:fs';
import os from 'node:os';
import { LARGE, type FixtureSize } from '../../seed/large/index.ts';
import { measuredFile, type Measured } from '../cost/measured.ts';
import { costReport } from '../cost/report.ts';
import { measureFanout } from './fanout-work.ts';
import { measureFeedPoint, type FeedPoint } from './feed-curve.ts';
import { measureTtlSweep } from './ttl-sweep.ts';

const full = process.argv.includes('--full') || process.env.BENCH_FULL === '1';
const load = { concurrency: Number(process.env.BENCH_CONCURRENCY ?? 10), warmupMs: Number(process.env.BENCH_WARMUP_S ?? 2) * 1000, durationMs: Number(process.env.BENCH_DURATION_S ?? 5) * 1000 };
// The default shape keeps the 50k-crud build short: 100 users following 10 (each feed gets ~10%).
const shape: FixtureSize = full ? LARGE : { ...LARGE, users: 100, followsPerUser: 10, celebrityFollowers: 99, celebrityCruds: 10, conversations: 10, likesPerCrud: 1 };

console.log(`scale benchmark${full ? ' (--full)' : ''}: ${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, node ${process.version}`);

console.log(`\n1. homeFeed(limit: 20) as data grows (${shape.users} users following ${shape.followsPerUser}; closed loop c=${load.concurrency}, ${load.durationMs / 1000} s)`);
const points: FeedPoint[] = [];
for (const cruds of [1000, 10_000, 50_000]) {
  const p = await measureFeedPoint({ ...shape, cruds }, load);
  points.push(p);
  console.log(
    `   ${String(cruds).padStart(6)} cruds  ${String(p.items).padStart(8)} items  reader's feed ${String(p.feedRows).padStart(6)} rows   ${p.rps.toFixed(1).padStart(7)} req/s  p50 ${p.p50.toFixed(1).padStart(7)} ms  p99 ${p.p99.toFixed(1).padStart(7)} ms  non-2xx ${p.non2xx} errors ${p.withErrors}  server CPU ${p.cpuMsPerRequest.toFixed(1)} ms/req  (${p.perRead.readUnits} RRU/page; fixture built in ${(p.buildMs / 1000).toFixed(1)} s, CPU ${(p.buildCpuMs / 1000).toFixed(1)} s)`,
  );
}
const [small, , large] = [points[0], points[1], points[2]];
console.log(`   50k / 1k: p50 ×${(large.p50 / small.p50).toFixed(2)}  p99 ×${(large.p99 / small.p99).toFixed(2)}  req/s ×${(large.rps / small.rps).toFixed(2)}  CPU/req ×${(large.cpuMsPerRequest / small.cpuMsPerRequest).toFixed(2)}  RRU/page ×${(large.perRead.readUnits / small.perRead.readUnits).toFixed(2)}  (flat = 1.00)`);

console.log('\n2. fan-out work per post (push), by follower count');
const fanout = await measureFanout([10, 100, 1000, 10_000]);
for (const f of fanout) {
  const calls = Object.entries(f.calls).map(([k, v]) => `${v} ${k.replace('Command', '')}`).join(', ');
  const items = Object.entries(f.itemsWritten).map(([k, v]) => `${v} ${k}`).join(', ');
  console.log(`   ${String(f.followers).padStart(6)} followers  consumer ${f.consumerMs.toFixed(0).padStart(6)} ms  wrote ${items}  calls: ${calls}  ${f.writeUnits} WRU, ${f.readUnits} RRU`);
}
const [f10, , , f10k] = fanout;
console.log(`   10k / 10 followers: consumer time ×${(f10k.consumerMs / f10.consumerMs).toFixed(0)}, items written ×${((f10k.itemsWritten.FEED ?? 0) / (f10.itemsWritten.FEED ?? 1)).toFixed(0)}`);

const expired = full ? 100_000 : 10_000;
console.log(`\n3. TTL sweep: ${expired.toLocaleString('en')} expired items beside as many live ones`);
const ttl = await measureTtlSweep(expired, expired);
console.log(`   deleted ${ttl.deleted} in ${(ttl.ms / 1000).toFixed(1)} s = ${ttl.itemsPerSecond.toFixed(0)} items/s; RSS ${ttl.rssMb.before} → peak ${ttl.rssMb.peak} → ${ttl.rssMb.after} MB, heap ${ttl.heapMb.before} → peak ${ttl.heapMb.peak} → ${ttl.heapMb.after} MB`);
if (!full) console.log(`   at that rate 100k expired items take ≈ ${(100_000 / ttl.itemsPerSecond / 60).toFixed(1)} min (measure with --full)`);

const measured: Measured = {
  source: `npm run bench (bench/scale) on ${new Date().toISOString().slice(0, 10)}`,
  homeFeedRead: large.perRead,
  fanout: fanout.map((f) => ({ followers: f.followers, calls: f.calls, readUnits: f.readUnits, writeUnits: f.writeUnits, itemsWritten: f.itemsWritten })),
};
fs.writeFileSync(measuredFile, `${JSON.stringify(measured, null, 2)}\n`);
console.log(`\n${costReport(measured)}`);
