import { afterEach, describe, expect, it } from 'vitest';
import { invokeHandler, repoRoot } from './invoke.ts';
import { withFunctionEnv } from './function-env.ts';

// Reads `process.env` the way handlers do, after yielding, so two invocations overlap.
const handler = 'local/src/lambda-runtime/testing/env-reader.ts#handler';

/** Lambda's defined runtime variables (docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-runtime.html) that the offline runtime sets. */
const LAMBDA_VARIABLES = [
  '_HANDLER', 'AWS_DEFAULT_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_REGION', 'LAMBDA_RUNTIME_DIR', 'LAMBDA_TASK_ROOT', 'LANG', 'TZ',
];
// The emulator's own: no X-Ray daemon, no CloudWatch offline.
const OFFLINE_SWITCHES = ['POWERTOOLS_METRICS_DISABLED', 'POWERTOOLS_TRACE_ENABLED'];
// The search paths are the host's (Node needs them), where the host has them.
const HOST_PATHS = ['PATH', 'LD_LIBRARY_PATH', 'NODE_PATH'].filter((n) => process.env[n] !== undefined);

describe('per-invocation function environment', () => {
  afterEach(() => {
    delete process.env.HOST_ONLY;
  });

  it('gives two functions invoked concurrently each their own environment', async () => {
    const a = invokeHandler(handler, { names: ['TABLE_NAME', 'APPSYNC_URL'], waitMs: 50 }, { functionName: 'a', env: { TABLE_NAME: 'table-a', APPSYNC_URL: 'https://a/graphql' } });
    const b = invokeHandler(handler, { names: ['TABLE_NAME', 'APPSYNC_URL'], waitMs: 10 }, { functionName: 'b', env: { TABLE_NAME: 'table-b' } });
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra).toMatchObject({ before: { TABLE_NAME: 'table-a', APPSYNC_URL: 'https://a/graphql' }, after: { TABLE_NAME: 'table-a', APPSYNC_URL: 'https://a/graphql' } });
    expect(rb).toMatchObject({ before: { TABLE_NAME: 'table-b' }, after: { TABLE_NAME: 'table-b' } });
    // Nothing leaked into the host environment.
    expect(process.env.TABLE_NAME).toBeUndefined();
    expect(process.env.APPSYNC_URL).toBeUndefined();
  });

  it('shows a function nothing of the host it does not declare: exactly its configuration and Lambda\'s variables', async () => {
    process.env.HOST_ONLY = 'host';
    const seen = (await invokeHandler(handler, { names: ['HOST_ONLY', 'TABLE_NAME'], waitMs: 0 }, { functionName: 'reader', env: { TABLE_NAME: 't' } })) as { before: object; visible: string[] };
    expect(seen.before).toEqual({ TABLE_NAME: 't' });
    expect(seen.visible).toEqual([...LAMBDA_VARIABLES, ...OFFLINE_SWITCHES, ...HOST_PATHS, 'TABLE_NAME'].sort());
    // The host itself is untouched.
    expect(process.env.HOST_ONLY).toBe('host');
  });

  it('sets Lambda\'s runtime variables from the function: name, handler, memory, region, log group and stream', async () => {
    const seen = (await invokeHandler(handler, { names: LAMBDA_VARIABLES, waitMs: 0 }, { functionName: 'reader', memorySize: 256, region: 'eu-west-1' })) as { before: Record<string, string> };
    expect(seen.before).toMatchObject({
      _HANDLER: 'local/src/lambda-runtime/testing/env-reader.handler',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${process.versions.node.split('.')[0]}.x`,
      AWS_LAMBDA_FUNCTION_NAME: 'reader',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/reader',
      LAMBDA_TASK_ROOT: repoRoot,
      LANG: 'en_US.UTF-8',
      TZ: ':UTC',
    });
    expect(seen.before.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it('lets the configuration replace unreserved variables but never the reserved ones', async () => {
    const env = { LANG: 'C.UTF-8', AWS_LAMBDA_FUNCTION_NAME: 'impostor', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024' };
    const seen = (await invokeHandler(handler, { names: Object.keys(env), waitMs: 0 }, { functionName: 'reader', env })) as { before: object };
    // The configuration's memory is the function's declared memory (the stack sends it there).
    expect(seen.before).toEqual({ LANG: 'C.UTF-8', AWS_LAMBDA_FUNCTION_NAME: 'reader', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024' });
    const defaults = (await invokeHandler(handler, { names: ['AWS_LAMBDA_FUNCTION_MEMORY_SIZE'], waitMs: 0 }, { functionName: 'reader' })) as { before: object };
    expect(defaults.before).toEqual({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128' });
  });

  it('keeps a handler\'s own assignments inside its invocation', async () => {
    await withFunctionEnv({ A: '1' }, async () => {
      process.env.WRITTEN = 'inside';
      delete process.env.A;
      expect({ ...process.env }).toEqual({ WRITTEN: 'inside' });
      expect('A' in process.env).toBe(false);
    });
    expect(process.env.WRITTEN).toBeUndefined();
  });
});
