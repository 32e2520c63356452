/**
 * A closed-loop HTTP load generator with fixed concurrency: `concurrency`
 * workers each keep one request in flight over keep-alive connections; latencies are recorded
 * per request with the monotonic clock.
 */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  non2xx: number;
  /** 200 responses carrying GraphQL `errors` (a fast error is not a served feed). */
  withErrors: number;
  rps: number;
  p50: number;
  p99: number;
}

export interface LoadOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

function once(agent: http.Agent, url: URL, body: string, headers: Record<string, string>): Promise<{ status: number; errors: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, errors: text.includes('"errors"') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let non2xx = 0;
  let withErrors = 0;
  let measuring = false;
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const start = performance.now();
      const { status, errors } = await once(agent, url, options.body, options.headers);
      if (!measuring) continue;
      latencies.push(performance.now() - start);
      if (status < 200 || status > 299) non2xx++;
      else if (errors) withErrors++;
    }
  };
  const workers = Array.from({ length: options.concurrency }, worker);
  await new Promise((r) => setTimeout(r, options.warmupMs));
  measuring = true;
  const began = performance.now();
  await new Promise((r) => setTimeout(r, options.durationMs));
  measuring = false;
  const elapsed = performance.now() - began;
  stop = true;
  await Promise.all(workers);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return { requests: sorted.length, non2xx, withErrors, rps: sorted.length / (elapsed / 1000), p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}
