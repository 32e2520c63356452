/**
 * Runs Lambda handlers from `lambdas/` in-process, the way the Lambda runtime calls them:
 * `handler(event, context)` with a context object carrying a request id and deadline.
 * Handlers are referenced as `<path relative to repo root>#<export>` (e.g.
 * `lambdas/authorizer/index.ts#handler`) and loaded once. Functions declared `isolated` run in
 * their own processes instead (./isolated.ts); ./lambda-function.ts picks the way.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { withFunctionEnv, type FunctionEnv } from './function-env.ts';
import { LAMBDA_DEFAULT_MEMORY_MB, lambdaEnvironment, repoRoot } from './runtime-variables.ts';

export { repoRoot } from './runtime-variables.ts';

export type Handler = (event: unknown, context: LambdaContext) => Promise<unknown> | unknown;

export interface LambdaContext {
  functionName: string;
  awsRequestId: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  functionVersion: string;
  logGroupName: string;
  logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

const loaded = new Map<string, Promise<Handler>>();

/** Loads `file#export` once; rejects if the export is not a function. */
export function loadHandler(ref: string): Promise<Handler> {
  let handler = loaded.get(ref);
  if (!handler) {
    const [file, name = 'handler'] = ref.split('#');
    handler = import(pathToFileURL(path.resolve(repoRoot, file)).href).then((mod) => {
      const fn = mod[name];
      if (typeof fn !== 'function') throw new Error(`${file} has no exported function ${name}`);
      return fn as Handler;
    });
    loaded.set(ref, handler);
  }
  return handler;
}

export interface InvokeOptions {
  functionName: string;
  /** Lambda's configured timeout; the invocation fails with `Task timed out` past it. */
  timeoutMs?: number;
  /** Default: the configuration's AWS_REGION, else us-east-1. */
  region?: string;
  accountId?: string;
  /**
   * Lambda's configured memory in MB (`context.memoryLimitInMB`, AWS_LAMBDA_FUNCTION_MEMORY_SIZE).
   * Default: what the configuration's AWS_LAMBDA_FUNCTION_MEMORY_SIZE says (the stack's function
   * environments carry each function's declared memory), else Lambda's default, 128.
   */
  memorySize?: number;
  /** The invocation's request id (`context.awsRequestId`); a caller that logs the invocation chooses it (default: a fresh UUID). */
  awsRequestId?: string;
  /**
   * The function's configuration (its declared variables and the offline runtime's). The handler
   * sees it, with Lambda's own runtime variables (./runtime-variables.ts) and nothing of the
   * host's, as `process.env` for this invocation only (./function-env.ts). Also in effect while
   * the handler's module is first loaded, as a cold start runs with the function's environment.
   */
  env?: FunctionEnv;
}

/** Invokes a handler with a fresh context; a timeout rejects like Lambda's `Task timed out after N seconds`. */
export async function invokeHandler(ref: string, event: unknown, options: InvokeOptions): Promise<unknown> {
  const region = options.region ?? options.env?.AWS_REGION ?? 'us-east-1';
  const memorySize = options.memorySize ?? (Number(options.env?.AWS_LAMBDA_FUNCTION_MEMORY_SIZE) || LAMBDA_DEFAULT_MEMORY_MB);
  const env = lambdaEnvironment({ functionName: options.functionName, handler: ref, memorySize, region }, options.env);
  return withFunctionEnv(env, () => invokeInScope(ref, event, options, env));
}

async function invokeInScope(ref: string, event: unknown, options: InvokeOptions, env: FunctionEnv): Promise<unknown> {
  const handler = await loadHandler(ref);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const account = options.accountId ?? '000000000000';
  const context: LambdaContext = {
    functionName: options.functionName,
    awsRequestId: options.awsRequestId ?? randomUUID(),
    invokedFunctionArn: `arn:aws:lambda:${env.AWS_REGION}:${account}:function:${options.functionName}`,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE!,
    functionVersion: '$LATEST',
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME!,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME!,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`)), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => handler(event, context)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
