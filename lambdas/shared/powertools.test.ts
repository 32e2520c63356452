import { afterEach, describe, expect, it, vi } from 'vitest';
import { instrument, powertools } from './powertools.ts';

describe('instrument', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('passes every argument through and returns the handler result', async () => {
    const handler = instrument(powertools('test'), async (event: { n: number }, _ctx?: unknown, extra?: number) => event.n + (extra ?? 0));
    expect(await handler({ n: 2 }, undefined, 3)).toBe(5);
  });

  it('emits a ColdStart metric once and a HandlerErrors metric on failure, as CloudWatch EMF', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    // What the Lambda runtime sets for an on-demand execution environment (Powertools reads it for cold starts).
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const lines: string[] = [];
    // Powertools writes EMF blobs through its own console on stdout.
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    const tools = powertools('emf-test');
    const context = { awsRequestId: 'req-1', functionName: 'emf-test' };
    const handler = instrument(tools, async (event: { fail: boolean }, _ctx?: unknown) => {
      if (event.fail) throw new Error('boom');
      return 'ok';
    });
    await handler({ fail: false }, context);
    await expect(handler({ fail: true }, context)).rejects.toThrow('boom');
    vi.restoreAllMocks();
    const emf = lines.flatMap((l) => l.split('\n')).filter((l) => l.includes('_aws')).map((l) => JSON.parse(l));
    const metricNames = emf.flatMap((e) => e._aws.CloudWatchMetrics.flatMap((m: { Metrics: { Name: string }[] }) => m.Metrics.map((x) => x.Name)));
    expect(metricNames.filter((n: string) => n === 'ColdStart')).toHaveLength(1);
    expect(metricNames).toContain('HandlerErrors');
    expect(emf.every((e) => e._aws.CloudWatchMetrics[0].Namespace === 'Cruddur')).toBe(true);
  });
});
