/**
 * Starts a benchmark's server process so load and server do not compete: pinned to core 0 when
 * `taskset` and a second core exist (the load generator runs on core 1), NODE_ENV=production,
 * logging off. The server prints one JSON line describing its endpoints; other lines (Lambda logs
 * of a fixture build) are ignored.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import readline from 'node:readline';

export const canPin = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;

/** Runs `script` with tsx; resolves with the first JSON line that has a `key` member. */
export async function startServerProcess<T>(script: string, key: string): Promise<{ child: ChildProcess; endpoints: T }> {
  const args = ['--import', 'tsx', script];
  const env = { ...process.env, NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'ERROR', LAMBDA_LOG_LEVEL: 'ERROR' };
  const child = canPin
    ? spawn('taskset', ['-c', '0', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env })
    : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  const endpoints = await new Promise<T>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const value = JSON.parse(line);
        if (value && typeof value[key] === 'string') resolve(value as T);
      } catch {
        // Lambda log lines from the fixture build.
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return { child, endpoints };
}

/** One line of a load result table. */
export function formatLoad(r: { rps: number; p50: number; p99: number; non2xx: number; withErrors: number }): string {
  return `${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  non-2xx ${r.non2xx}  errors ${r.withErrors}`;
}
