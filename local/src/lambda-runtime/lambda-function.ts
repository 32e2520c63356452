/**
 * One configured Lambda function offline: in the server's process (./invoke.ts), or, when its
 * definition says `isolated`, in its own bounded pool of processes (./isolated.ts).
 */
import type { FunctionSettings } from '../app-definition.ts';
import { resolveFunctionEnv, type FunctionEnvSource } from './function-env.ts';
import { invokeHandler } from './invoke.ts';
import { IsolatedFunction } from './isolated.ts';
import { LAMBDA_DEFAULT_MEMORY_MB } from './runtime-variables.ts';

export interface FunctionDefinition extends FunctionSettings {
  /** `lambdas/<dir>/index.ts#<export>` */
  handler: string;
  functionName: string;
}

export interface LambdaFunction {
  invoke(event: unknown, awsRequestId?: string): Promise<unknown>;
  /** Stops isolated environments (nothing to do in-process). */
  close(): Promise<void>;
}

/** Lambda's default timeout is 3 s; the offline stack's in-process callers choose their own. */
const DEFAULT_TIMEOUT_SECONDS = 3;

/** `where.env` is the function's environment for every invocation (./function-env.ts). */
export function lambdaFunction(definition: FunctionDefinition, where: { region: string; accountId?: string; env?: FunctionEnvSource }): LambdaFunction {
  const memorySize = definition.memorySize ?? LAMBDA_DEFAULT_MEMORY_MB;
  const timeoutMs = (definition.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  if (definition.isolated) {
    const isolated = new IsolatedFunction({
      handler: definition.handler,
      functionName: definition.functionName,
      memorySize,
      // Unreserved functions share the account's concurrency; offline, one per core is the useful bound.
      reservedConcurrency: definition.reservedConcurrency ?? 1,
      timeoutMs,
      region: where.region,
      accountId: where.accountId,
      env: where.env,
    });
    return { invoke: (event, awsRequestId) => isolated.invoke(event, awsRequestId), close: () => isolated.close() };
  }
  return {
    invoke: (event, awsRequestId) =>
      invokeHandler(definition.handler, event, { functionName: definition.functionName, timeoutMs, memorySize, awsRequestId, region: where.region, accountId: where.accountId, env: resolveFunctionEnv(where.env) }),
    close: async () => undefined,
  };
}
