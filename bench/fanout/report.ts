/** The fan-out benchmark's tables (server.ts measures, this prints). */
import { execSync } from 'node:child_process';
import os from 'node:os';
import { KNEE_RATES, MODE, N, STEP_MS } from './settings.ts';

/** What clients.ts reports for one measured step. */
export interface ClientReport {
  received: number;
  unexpected: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  spanMs: number;
  cpuPct: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

const f = (v: number, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '—');

export type Row = ClientReport & { system: 'raw' | 'appsync'; rate: number; expected: number; serverCpuPct: number; deliveriesPerSec: number };

export interface Knee {
  system: 'raw' | 'appsync';
  lowP99: number;
  /** The highest rate still healthy, and the first that was not. */
  healthy: Row | undefined;
  broke: Row | undefined;
}

export function printKnees(knees: Knee[]) {
  if (knees.length === 0) return;
  console.log('\nKnee: first rate whose p99 exceeds 10× the low-rate p99 or that loses deliveries.');
  console.log('| system | low-rate p99 | last healthy rate/s | its deliveries/s | its p99 | knee rate/s | deliveries/s there | its p99 | delivered |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const k of knees) {
    const h = k.healthy;
    const b = k.broke;
    console.log(
      `| ${k.system} | ${f(k.lowP99)} | ${h?.rate ?? '—'} | ${h ? f(h.deliveriesPerSec, 0) : '—'} | ${h ? f(h.p99) : '—'} | ${b?.rate ?? `> ${KNEE_RATES.at(-1)}`} | ${b ? f(b.deliveriesPerSec, 0) : '—'} | ${b ? f(b.p99) : '—'} | ${b ? `${f((100 * b.received) / b.expected, 2)}%` : '—'} |`,
    );
  }
  // Deliveries/s at the knee, AppSync path over raw (the last healthy rate
  // when a system never broke within the rates tried).
  const atKnee = (k: Knee | undefined) => (k?.broke ?? k?.healthy)?.deliveriesPerSec;
  const [raw, appsync] = [atKnee(knees.find((k) => k.system === 'raw')), atKnee(knees.find((k) => k.system === 'appsync'))];
  if (raw && appsync) console.log(`\nTarget: deliveries/s at the knee ${f(appsync / raw, 2)}× raw ws (≥ 0.5×).`);
}

export function print(rows: Row[], memory: Record<string, number>, stats: object) {
  let commit = '';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {}
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`\nFan-out benchmark (${MODE}) — N=${N}, node ${process.version}, ${os.cpus().length}× ${os.cpus()[0]?.model}, load ${load}, commit ${commit}`);
  if (MODE === 'memory') return printMemory(memory, stats);
  console.log(`${STEP_MS / 1000}s per step. Latency = receipt − scheduled publish (ms). Ratio = AppSync-protocol path / raw ws, same rate, same run.\n`);
  console.log('| rate/s | system  | p50 | p90 | p99 | max | delivered/expected | deliveries/s (offered) | server CPU% | client CPU% | p99 ratio |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const raw = rows.find((x) => x.system === 'raw' && x.rate === r.rate);
    const ratio = r.system === 'appsync' && raw ? f(r.p99 / raw.p99, 2) + '×' : '';
    console.log(
      `| ${r.rate} | ${r.system} | ${f(r.p50)} | ${f(r.p90)} | ${f(r.p99)} | ${f(r.max)} | ${r.received}/${r.expected} (${f((100 * r.received) / r.expected, 2)}%) | ${f(r.deliveriesPerSec, 0)} (${r.rate * N}) | ${f(r.serverCpuPct, 0)} | ${f(r.cpuPct, 0)} | ${ratio} |`,
    );
  }
  const ten = rows.find((r) => r.system === 'appsync' && r.rate === 10);
  const tenRaw = rows.find((r) => r.system === 'raw' && r.rate === 10);
  if (ten && tenRaw) console.log(`\nTarget: p99 at 10/s ${f(ten.p99 / tenRaw.p99, 2)}× raw (≤ 2×); delivered ${ten.received}/${ten.expected} at 10/s.`);
  console.log(`Server counters: ${JSON.stringify(stats)}`);
}

function printMemory(memory: Record<string, number>, stats: object) {
  console.log('\nMemory per idle connection (server process, after GC, 1 MB young generation):');
  console.log('| | RSS KB/conn | heap KB/conn | ratio to raw (RSS / heap) |');
  console.log('|---|---:|---:|---:|');
  console.log(`| raw ws | ${f(memory.rawRss, 2)} | ${f(memory.rawHeap, 2)} | 1.00× |`);
  console.log(`| AppSync connection (acked) | ${f(memory.appsyncConnRss, 2)} | ${f(memory.appsyncConnHeap, 2)} | ${f(memory.appsyncConnRss / memory.rawRss, 2)}× / ${f(memory.appsyncConnHeap / memory.rawHeap, 2)}× |`);
  console.log(`| AppSync connection + 1 subscription | ${f(memory.appsyncSubRss, 2)} | ${f(memory.appsyncSubHeap, 2)} | ${f(memory.appsyncSubRss / memory.rawRss, 2)}× / ${f(memory.appsyncSubHeap / memory.rawHeap, 2)}× |`);
  console.log(`\nTarget: ${f(memory.appsyncSubRss / memory.rawRss, 2)}× raw RSS, ${f(memory.appsyncSubHeap / memory.rawHeap, 2)}× raw heap per subscribed connection (≤ 3×).`);
  console.log(`Server counters: ${JSON.stringify(stats)}`);
  if (!gc) console.log('(run with --expose-gc for stable memory numbers)');
}

