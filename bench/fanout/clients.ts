/**
 * The subscriber side of the fan-out benchmark, in its own process (pinned to the other core):
 * holds N raw `ws` sockets and N AppSync real-time connections (the project's one client,
 * `local/src/appsync/realtime-client`, one subscription each), and records, per receipt,
 * `receipt time − scheduled publish time` on the shared clock `performance.timeOrigin + now()`.
 * Driven by the server process over IPC (see server.ts).
 */
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { connectRealtime, type RealtimeConnection, type RealtimeResult } from '../../local/src/appsync/realtime-client/index.ts';
import { nodeWebSocket } from '../../local/src/appsync/realtime-client/node-socket.ts';

type Cmd =
  | { cmd: 'openRaw'; url: string; n: number }
  | { cmd: 'openAppsync'; url: string; n: number; header: Record<string, string>; query: string; subscribe: boolean }
  | { cmd: 'subscribeAppsync'; query: string; header: Record<string, string> }
  | { cmd: 'measure'; system: 'raw' | 'appsync'; capacity: number }
  | { cmd: 'report' }
  | { cmd: 'count' }
  | { cmd: 'exit' };

const now = () => performance.timeOrigin + performance.now();
let rawSockets: WebSocket[] = [];
let connections: RealtimeConnection[] = [];
/** The same socket options for both systems: no compression, as AppSync's endpoint negotiates none. */
const AppsyncSocket = nodeWebSocket({ perMessageDeflate: false });
let active: 'raw' | 'appsync' | null = null;
let samples = new Float64Array(0);
let count = 0;
let firstAt = 0;
let lastAt = 0;
let unexpected = 0;
let cpuAtStart = process.cpuUsage();
let wallAtStart = 0;

function record(title: string): void {
  const t = now();
  if (count === 0) firstAt = t;
  lastAt = t;
  if (count < samples.length) samples[count] = t - Number(title.slice(0, title.indexOf('|')));
  count++;
}

/** Counts a receipt for the system being measured; anything else arriving meanwhile is unexpected. */
function received(system: 'raw' | 'appsync', title: () => string): void {
  if (active === system) record(title());
  else if (active !== null) unexpected++;
}

function openRaw(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString());
      if (msg.type === 'data') received('raw', () => msg.payload.data.onTicket.title);
    });
  });
}

const onAppsyncData = (result: RealtimeResult) => received('appsync', () => (result.data as { onTicket: { title: string } }).onTicket.title);

async function inBatches<T>(n: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => make(i + j)))));
  return out;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

process.on('message', async (m: Cmd) => {
  try {
    switch (m.cmd) {
      case 'openRaw':
        rawSockets = await inBatches(m.n, 100, () => openRaw(m.url));
        break;
      case 'openAppsync':
        connections = await inBatches(m.n, 100, async () => {
          const connection = connectRealtime({ url: m.url, auth: m.header, WebSocket: AppsyncSocket });
          await connection.ready;
          return connection;
        });
        break;
      case 'subscribeAppsync':
        await inBatches(connections.length, 100, (i) =>
          connections[i].subscribe({ query: m.query, authorization: m.header }, { next: onAppsyncData, error: (errors) => console.error('subscription failed', errors) }).acknowledged,
        );
        break;
      case 'measure':
        active = m.system;
        samples = new Float64Array(m.capacity);
        count = 0;
        unexpected = 0;
        cpuAtStart = process.cpuUsage();
        wallAtStart = performance.now();
        break;
      case 'count':
        process.send!({ cmd: 'count', received: count });
        return;
      case 'report': {
        const n = Math.min(count, samples.length);
        const sorted = samples.slice(0, n).sort();
        active = null;
        const cpu = process.cpuUsage(cpuAtStart);
        process.send!({
          cpuPct: ((cpu.user + cpu.system) / 1000 / (performance.now() - wallAtStart)) * 100,
          cmd: 'report',
          received: count,
          unexpected,
          p50: percentile(sorted, 50),
          p90: percentile(sorted, 90),
          p99: percentile(sorted, 99),
          max: n ? sorted[n - 1] : NaN,
          spanMs: lastAt - firstAt,
        });
        return;
      }
      case 'exit':
        for (const ws of rawSockets) ws.terminate();
        for (const connection of connections) connection.close();
        process.exit(0);
    }
    process.send!({ cmd: 'done' });
  } catch (err) {
    process.send!({ cmd: 'failed', error: String(err) });
  }
});
