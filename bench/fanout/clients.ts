/**
 * The subscriber side of the fan-out benchmark, in its own process (pinned to the other core):
 * holds N raw `ws` sockets and N AppSync-protocol sockets, and records, per receipt,
 * `receipt time − scheduled publish time` on the shared clock `performance.timeOrigin + now()`.
 * Driven by the server process over IPC (see server.ts).
 */
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

type Cmd =
  | { cmd: 'openRaw'; url: string; n: number }
  | { cmd: 'openAppsync'; url: string; n: number; header: Record<string, string>; query: string; subscribe: boolean }
  | { cmd: 'subscribeAppsync'; query: string; header: Record<string, string> }
  | { cmd: 'measure'; system: 'raw' | 'appsync'; capacity: number }
  | { cmd: 'report' }
  | { cmd: 'count' }
  | { cmd: 'exit' };

const now = () => performance.timeOrigin + performance.now();
const sockets: Record<'raw' | 'appsync', WebSocket[]> = { raw: [], appsync: [] };
let active: 'raw' | 'appsync' | null = null;
let samples = new Float64Array(0);
let count = 0;
let firstAt = 0;
let lastAt = 0;
let unexpected = 0;
let cpuAtStart = process.cpuUsage();
let wallAtStart = 0;

function record(text: string): void {
  const msg = JSON.parse(text);
  if (msg.type !== 'data') return;
  const title: string = msg.payload.data.onTicket.title;
  const t = now();
  if (count === 0) firstAt = t;
  lastAt = t;
  if (count < samples.length) samples[count] = t - Number(title.slice(0, title.indexOf('|')));
  count++;
}

function onMessage(system: 'raw' | 'appsync') {
  return (data: Buffer) => {
    if (active === system) record(data.toString());
    else if (active !== null) unexpected++;
  };
}

function open(url: string, protocols: string[] | undefined, system: 'raw' | 'appsync'): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.on('message', onMessage(system));
  });
}

function nextFrame(ws: WebSocket, type: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMsg = (d: Buffer) => {
      const m = JSON.parse(d.toString());
      if (m.type === type) {
        ws.off('message', onMsg);
        resolve(m);
      } else if (m.type === 'error' || m.type === 'connection_error') reject(new Error(JSON.stringify(m)));
    };
    ws.on('message', onMsg);
  });
}

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
        sockets.raw = await inBatches(m.n, 100, () => open(m.url, undefined, 'raw'));
        break;
      case 'openAppsync': {
        const protocols = ['graphql-ws', `header-${Buffer.from(JSON.stringify(m.header)).toString('base64url')}`];
        sockets.appsync = await inBatches(m.n, 100, async () => {
          const ws = await open(m.url, protocols, 'appsync');
          const ack = nextFrame(ws, 'connection_ack');
          ws.send('{"type":"connection_init"}');
          await ack;
          return ws;
        });
        break;
      }
      case 'subscribeAppsync': {
        const data = JSON.stringify({ query: m.query, variables: {} });
        await inBatches(sockets.appsync.length, 100, async (i) => {
          const ws = sockets.appsync[i];
          const ack = nextFrame(ws, 'start_ack');
          ws.send(JSON.stringify({ id: `sub-${i}`, type: 'start', payload: { data, extensions: { authorization: m.header } } }));
          await ack;
        });
        break;
      }
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
        for (const ws of [...sockets.raw, ...sockets.appsync]) ws.terminate();
        process.exit(0);
    }
    process.send!({ cmd: 'done' });
  } catch (err) {
    process.send!({ cmd: 'failed', error: String(err) });
  }
});
