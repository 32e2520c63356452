/**
 * homeFeed(limit: 20) latency and throughput as the data grows: for each fixture size a fresh
 * server process (pinned to core 0 when possible) builds the fixture, then a closed-loop load
 * (bench/query/load.ts) reads one follower's first page. The cost of a page must not grow with
 * the table or the feed partition: the 50k / 1k ratio is the check.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FixtureSize } from '../../seed/large/index.ts';
import { runLoad, type LoadResult } from '../query/load.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const canPin = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;

export interface FeedPoint extends LoadResult {
  cruds: number;
  items: number;
  feedRows: number;
  buildMs: number;
  buildCpuMs: number;
  responseBytes: number;
  pageItems: number;
  /** Server CPU (user + system, all threads) per request during the measured window: less load-sensitive than latency. */
  cpuMsPerRequest: number;
  /** DynamoDB calls and read units of one page (counted in the server). */
  perRead: { calls: Record<string, number>; readUnits: number };
}

interface Ready {
  url: string;
  token: string;
  query: string;
  items: number;
  feedRows: number;
  buildMs: number;
  buildCpuMs: number;
  perRead: FeedPoint['perRead'];
}

/** A Linux process's CPU time so far (utime + stime from /proc, in clock ticks of 10 ms); NaN elsewhere. */
function processCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export async function measureFeedPoint(size: FixtureSize, load: { concurrency: number; warmupMs: number; durationMs: number }): Promise<FeedPoint> {
  const args = ['--import', 'tsx', path.join(here, 'feed-server.ts'), JSON.stringify(size)];
  const env = { ...process.env, NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'ERROR', LAMBDA_LOG_LEVEL: 'ERROR', MALLOC_ARENA_MAX: '2' };
  const child = canPin ? spawn('taskset', ['-c', '0', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env }) : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        try {
          const value = JSON.parse(line);
          if (value && typeof value.url === 'string') resolve(value);
        } catch {
          // Lambda log lines.
        }
      });
      child.once('exit', (code) => reject(new Error(`feed server exited (${code})`)));
    });
    const body = JSON.stringify({ query: ready.query, operationName: 'Feed' });
    const first = await fetch(ready.url, { method: 'POST', headers: { authorization: ready.token, 'content-type': 'application/json' }, body }).then((r) => r.text());
    const page = JSON.parse(first) as { data?: { homeFeed?: { items: unknown[] } }; errors?: unknown };
    // Fewer than 20 is possible: the page's expired rows are filtered after the read (as in AppSync).
    if (page.errors || !page.data?.homeFeed?.items.length) throw new Error(`feed page is empty or failed: ${first.slice(0, 300)}`);
    const request = { url: ready.url, body, headers: { authorization: ready.token }, concurrency: load.concurrency };
    await runLoad({ ...request, warmupMs: 0, durationMs: load.warmupMs });
    const cpuBefore = processCpuMs(child.pid!);
    const result = await runLoad({ ...request, warmupMs: 0, durationMs: load.durationMs });
    const cpuMsPerRequest = (processCpuMs(child.pid!) - cpuBefore) / result.requests;
    return { ...result, cpuMsPerRequest, cruds: size.cruds, items: ready.items, feedRows: ready.feedRows, buildMs: ready.buildMs, buildCpuMs: ready.buildCpuMs, perRead: ready.perRead, responseBytes: Buffer.byteLength(first), pageItems: page.data.homeFeed.items.length };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  }
}
