import { afterEach, describe, expect, it } from 'vitest';
import { invokeHandler } from './invoke.ts';
import { withFunctionEnv } from './function-env.ts';

// Reads `process.env` the way handlers do, after yielding, so two invocations overlap.
const handler = 'local/src/lambda-runtime/testing/env-reader.ts#handler';

describe('per-invocation function environment', () => {
  afterEach(() => {
    delete process.env.HOST_ONLY;
  });

  it('gives two functions invoked concurrently each their own environment', async () => {
    process.env.HOST_ONLY = 'host';
    const a = invokeHandler(handler, { names: ['TABLE_NAME', 'APPSYNC_URL', 'HOST_ONLY'], waitMs: 50 }, { functionName: 'a', env: { TABLE_NAME: 'table-a', APPSYNC_URL: 'https://a/graphql' } });
    const b = invokeHandler(handler, { names: ['TABLE_NAME', 'APPSYNC_URL', 'HOST_ONLY'], waitMs: 10 }, { functionName: 'b', env: { TABLE_NAME: 'table-b', HOST_ONLY: undefined } });
    expect(await Promise.all([a, b])).toEqual([
      { before: { TABLE_NAME: 'table-a', APPSYNC_URL: 'https://a/graphql', HOST_ONLY: 'host' }, after: { TABLE_NAME: 'table-a', APPSYNC_URL: 'https://a/graphql', HOST_ONLY: 'host' } },
      { before: { TABLE_NAME: 'table-b', HOST_ONLY: undefined }, after: { TABLE_NAME: 'table-b', HOST_ONLY: undefined } },
    ]);
    // Nothing leaked into the host environment.
    expect(process.env.TABLE_NAME).toBeUndefined();
    expect(process.env.APPSYNC_URL).toBeUndefined();
  });

  it('keeps a handler\'s own assignments inside its invocation', async () => {
    await withFunctionEnv({ A: '1' }, async () => {
      process.env.WRITTEN = 'inside';
      delete process.env.A;
      expect({ ...process.env }).toMatchObject({ WRITTEN: 'inside' });
      expect('A' in process.env).toBe(false);
    });
    expect(process.env.WRITTEN).toBeUndefined();
  });
});
