/**
 * Isolated Lambda environments: real child processes running fixture handlers through the same
 * runtime path as the offline stack.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IsolatedFunction, type IsolatedFunctionOptions } from './isolated.ts';

const FIXTURE = 'local/src/lambda-runtime/testing/environment.ts';
const pools: IsolatedFunction[] = [];
function pool(handler: string, options: Partial<IsolatedFunctionOptions> = {}): IsolatedFunction {
  const p = new IsolatedFunction({ handler: `${FIXTURE}#${handler}`, functionName: `fixture-${handler}`, memorySize: 256, reservedConcurrency: 1, timeoutMs: 20_000, region: 'us-east-1', ...options });
  pools.push(p);
  return p;
}
type Info = { pid: number; memoryEnv: string; functionName: string; memoryLimitInMB: string; remainingMs: number };

afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

describe('isolated Lambda environments', () => {
  it('run the handler in another process with the function’s memory size and name, and keep it warm', async () => {
    const p = pool('info');
    const first = (await p.invoke({})) as Info;
    expect(first.pid).not.toBe(process.pid);
    expect(first).toMatchObject({ memoryEnv: '256', functionName: 'fixture-info', memoryLimitInMB: '256' });
    expect(first.remainingMs).toBeGreaterThan(0);
    expect(first.remainingMs).toBeLessThanOrEqual(20_000);
    expect(((await p.invoke({})) as Info).pid).toBe(first.pid);
  }, 60_000);

  it('never run more invocations at once than the reserved concurrency; the rest queue in order', async () => {
    const p = pool('info', { reservedConcurrency: 2 });
    const calls = Array.from({ length: 6 }, () => p.invoke({ waitMs: 50 }) as Promise<Info>);
    expect(p.stats()).toEqual({ environments: 2, busy: 2, queued: 4 });
    const pids = new Set((await Promise.all(calls)).map((r) => r.pid));
    expect(pids.size).toBe(2);
    expect(p.stats()).toEqual({ environments: 2, busy: 0, queued: 0 });
  }, 60_000);

  it('reject with the handler’s error', async () => {
    await expect(pool('fail').invoke({})).rejects.toMatchObject({ name: 'RefusedError', message: 'the handler refused' });
  }, 60_000);

  it('time out a handler that blocks its environment, and replace that environment', async () => {
    const p = pool('spin', { timeoutMs: 500 });
    await expect(p.invoke({})).rejects.toThrow('Task timed out after 0.50 seconds');
    expect(p.stats().environments).toBe(0);
  }, 60_000);

  it('report a runtime that exits, and serve the next invocation from a new environment', async () => {
    const p = pool('exit');
    await expect(p.invoke({})).rejects.toMatchObject({ name: 'Runtime.ExitError', message: expect.stringContaining('Runtime exited with error: exit status 3') });
    await expect(p.invoke({})).rejects.toMatchObject({ name: 'Runtime.ExitError' });
  }, 60_000);

  it('refuse invocations past the queue bound and after close', async () => {
    const p = pool('info', { maxQueued: 1 });
    const running = p.invoke({ waitMs: 100 });
    const queued = p.invoke({});
    await expect(p.invoke({})).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    await Promise.all([running, queued]);
    await p.close();
    await expect(p.invoke({})).rejects.toMatchObject({ name: 'ServiceException' });
  }, 60_000);
});
