/**
 * Fan-out benchmark (docs/realtime.md §8): N AppSync-protocol subscribers vs N raw `ws`
 * sockets, same machine, same run. This process (pinned to core 0 when `taskset` exists) runs the
 * real engine + real-time server and a raw `ws` broadcast server; clients.ts (core 1) holds the
 * sockets. Publishes follow an open-loop schedule; each carries its scheduled time, and latency is
 * receipt − scheduled on the shared clock `performance.timeOrigin + performance.now()`.
 *
 * Env: FANOUT_N (1000), FANOUT_RATES (1,10,50,100), FANOUT_STEP_MS (5000), FANOUT_KNEE_RATES
 * (15,25,50,100,200,400,800: the rates tried, per system, until its knee; empty to skip),
 * FANOUT_MODE (`latency` | `memory`; run.ts runs both, memory with a 1 MB young generation so
 * that RSS reflects retained memory rather than the semi-space growth of the opening burst).
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { execSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { attachRealtime } from '../../local/src/appsync/realtime/server.ts';
import { API_KEY, fixtureAuthenticator, fixtureEngine } from '../../local/src/appsync/realtime/testing/harness.ts';
import { print, printKnees, type ClientReport, type Knee, type Row } from './report.ts';
import { KNEE_RATES, N, RATES, STEP_MS } from './settings.ts';

const PAD = 'x'.repeat(200); // brings a data frame to ≈ 350 bytes, a typical small event
const SUBSCRIPTION = 'subscription { onTicket(group: "bench") { id title } }';
const CREATE = 'mutation C($input: TicketInput!) { createTicket(input: $input) { id group title } }';
const here = path.dirname(fileURLToPath(import.meta.url));
const gc = (globalThis as { gc?: () => void }).gc;


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const listen = (server: http.Server) => new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));

async function main() {
  const engine = await fixtureEngine();
  const authenticator = fixtureAuthenticator();
  const appsyncHttp = http.createServer((_q, s) => s.end());
  const appsyncPort = await listen(appsyncHttp);
  const host = `localhost:${appsyncPort}`;
  const realtime = attachRealtime({ server: appsyncHttp, engine, authenticator, graphqlHost: host });
  const rawHttp = http.createServer((_q, s) => s.end());
  const rawWss = new WebSocketServer({ server: rawHttp, perMessageDeflate: false });
  const rawPort = await listen(rawHttp);
  const auth = await authenticator.authenticate({ headers: { 'x-api-key': API_KEY }, method: 'POST', path: '/graphql', body: '', sourceIp: '127.0.0.1' });
  if (!auth.ok) throw new Error('bench authentication failed');

  const pin = (core: number) => (hasTaskset() ? ['taskset', '-c', String(core)] : []);
  const [cmd, ...args] = [...pin(1), process.execPath];
  const child = fork(path.join(here, 'clients.ts'), [], {
    execPath: cmd,
    execArgv: [...args, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T = unknown>(msg: object) =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (reply: { cmd: string; error?: string }) => (reply.cmd === 'failed' ? reject(new Error(reply.error)) : resolve(reply as T)));
      child.send(msg);
    });

  // ---- memory per idle connection ----
  const sample = () => {
    gc?.();
    gc?.();
    return process.memoryUsage();
  };
  const m0 = sample();
  await ask({ cmd: 'openRaw', url: `ws://127.0.0.1:${rawPort}`, n: N });
  await sleep(500);
  const m1 = sample();
  const header = { host, 'x-api-key': API_KEY, 'x-amz-date': '20261127T000000Z' };
  await ask({ cmd: 'openAppsync', url: `ws://127.0.0.1:${appsyncPort}/graphql/realtime`, n: N, header });
  await sleep(500);
  const m2 = sample();
  await ask({ cmd: 'subscribeAppsync', query: SUBSCRIPTION, header });
  await sleep(500);
  const m3 = sample();
  const kb = (a: NodeJS.MemoryUsage, b: NodeJS.MemoryUsage, k: 'rss' | 'heapUsed') => (b[k] - a[k]) / N / 1024;
  const memory = {
    rawRss: kb(m0, m1, 'rss'),
    rawHeap: kb(m0, m1, 'heapUsed'),
    appsyncConnRss: kb(m1, m2, 'rss'),
    appsyncConnHeap: kb(m1, m2, 'heapUsed'),
    appsyncSubRss: kb(m1, m3, 'rss'),
    appsyncSubHeap: kb(m1, m3, 'heapUsed'),
  };

  // ---- publishers ----
  const rawId = randomUUID();
  const rawClients = () => [...rawWss.clients] as WebSocket[];
  const publishers = {
    raw: (k: number, sched: number) => {
      const frame = JSON.stringify({ type: 'data', id: rawId, payload: { data: { onTicket: { id: String(k), title: `${sched}|${PAD}` } } } });
      for (const ws of rawClients()) ws.send(frame);
    },
    appsync: (k: number, sched: number) => {
      void engine.execute(
        { query: CREATE, variables: { input: { id: String(k), group: 'bench', title: `${sched}|${PAD}`, mandatory: 'm' } } },
        { auth: auth.auth, requestId: randomUUID(), headers: {} },
      );
    },
  };

  async function step(system: 'raw' | 'appsync', rate: number, durationMs: number) {
    const publishes = Math.round((rate * durationMs) / 1000);
    const expected = publishes * N;
    await ask({ cmd: 'measure', system, capacity: expected });
    const cpu0 = process.cpuUsage();
    const interval = 1000 / rate;
    const start = performance.now() + 20;
    for (let k = 0; k < publishes; k++) {
      const due = start + k * interval;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      publishers[system](k, performance.timeOrigin + due); // late ticks catch up, never skip
    }
    // Drain: until everything arrived, nothing moved for 2 s, or 10 s passed (past the knee the
    // backlog would take minutes; what has not arrived by then counts as not delivered).
    let last = -1;
    let still = 0;
    const drainUntil = performance.now() + 10_000;
    while (performance.now() < drainUntil) {
      const { received } = await ask<{ received: number }>({ cmd: 'count' });
      if (received >= expected) break;
      still = received === last ? still + 1 : 0;
      if (still >= 20) break;
      last = received;
      await sleep(100);
    }
    const wall = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    const r = await ask<ClientReport>({ cmd: 'report' });
    return {
      system, rate, expected, ...r,
      serverCpuPct: ((cpu.user + cpu.system) / 1000 / wall) * 100,
      // Achieved rate over the publish window, or over the receipt span when delivery lagged behind.
      deliveriesPerSec: r.received / Math.max(publishes / rate, r.spanMs / 1000),
    };
  }

  // Warm-up (JIT, sockets, caches), not reported.
  if (RATES.length) {
    await step('raw', 10, 1500);
    await step('appsync', 10, 1500);
  }
  const rows: Row[] = [];
  for (const rate of RATES) {
    rows.push(await step('raw', rate, STEP_MS));
    rows.push(await step('appsync', rate, STEP_MS));
  }
  // The knee: raise the rate until p99 exceeds 10× its low-rate value or
  // deliveries drop; what a system sustains is the deliveries/s of its last healthy rate.
  const knees: Knee[] = [];
  if (RATES.length && KNEE_RATES.length) {
    for (const system of ['raw', 'appsync'] as const) {
      const low = rows.find((r) => r.system === system && r.rate === Math.min(...RATES))!;
      const knee: Knee = { system, lowP99: low.p99, healthy: undefined, broke: undefined };
      for (const rate of KNEE_RATES) {
        const r = await step(system, rate, STEP_MS);
        if (r.p99 > 10 * low.p99 || r.received < r.expected) {
          knee.broke = r;
          break;
        }
        knee.healthy = r;
      }
      knees.push(knee);
    }
  }
  child.send({ cmd: 'exit' });
  print(rows, memory, realtime.stats());
  printKnees(knees);
  await realtime.close();
  rawWss.close();
  appsyncHttp.close();
  rawHttp.close();
}

function hasTaskset(): boolean {
  try {
    execSync('taskset -p $$', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
