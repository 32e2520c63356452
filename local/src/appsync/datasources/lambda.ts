/**
 * The AWS_LAMBDA data source ("resolver-reference-lambda-js.html"): the request object is
 * `{operation: 'Invoke' | 'BatchInvoke', payload?, invocationType?}`. `Invoke` sends `payload` as the
 * event; `BatchInvoke` gathers the invocations of one field made in the same execution pass (up
 * to `maxBatchSize`, AppSync's limit is 2,000) into one event array and hands each resolver its
 * element of the returned array. Without `payload`, the event is AppSync's direct-Lambda context
 * `{arguments, identity, source, request, prev, info, stash}`. A thrown error becomes
 * `ctx.error` with type `Lambda:Unhandled` (aws/aws-appsync-community#209).
 */
import { resolveFunctionEnv, type FunctionEnvSource } from '../../lambda-runtime/function-env.ts';
import { invokeHandler } from '../../lambda-runtime/invoke.ts';
import type { DataSource, DataSourceResponse, InvocationInfo } from './types.ts';

export interface LambdaDataSourceOptions {
  name: string;
  /** `<file relative to repo root>#<export>`, e.g. `lambdas/thumbnail/index.ts#handler`. */
  handler: string;
  functionName?: string;
  /** The function's configured timeout. */
  timeoutMs?: number;
  /** AppSync's `maxBatchSize` for BatchInvoke (1–2000). */
  maxBatchSize?: number;
  /** The function's environment, per invocation (local/src/lambda-runtime/function-env.ts). */
  env?: FunctionEnvSource;
}

interface LambdaRequest {
  operation?: unknown;
  payload?: unknown;
  invocationType?: unknown;
}

interface Pending {
  event: unknown;
  resolve: (r: DataSourceResponse) => void;
}

function directEvent(context: Record<string, unknown>): unknown {
  const { arguments: args, identity, source, request, prev, info, stash } = context;
  return { arguments: args, identity, source, request, prev, info, stash };
}

function lambdaError(err: unknown): DataSourceResponse {
  const message = err instanceof Error ? err.message : String(err);
  return { error: { message, type: 'Lambda:Unhandled' } };
}

export function createLambdaDataSource(options: LambdaDataSourceOptions): DataSource {
  const functionName = options.functionName ?? options.name;
  const maxBatch = Math.min(Math.max(options.maxBatchSize ?? 2000, 1), 2000);
  const invoke = (event: unknown) => invokeHandler(options.handler, event, { functionName, timeoutMs: options.timeoutMs, env: resolveFunctionEnv(options.env) });
  // One queue per field: AppSync batches the invocations of one resolver.
  const queues = new Map<string, Pending[]>();

  function flush(key: string): void {
    const pending = queues.get(key) ?? [];
    queues.delete(key);
    for (let i = 0; i < pending.length; i += maxBatch) {
      const batch = pending.slice(i, i + maxBatch);
      invoke(batch.map((p) => p.event)).then(
        (result) => {
          if (!Array.isArray(result) || result.length !== batch.length) {
            const got = Array.isArray(result) ? `${result.length} items` : typeof result;
            const failure: DataSourceResponse = {
              error: { message: `BatchInvoke expected a list of ${batch.length} results, got ${got}`, type: 'Lambda:Unhandled' },
            };
            for (const p of batch) p.resolve(failure);
            return;
          }
          batch.forEach((p, j) => p.resolve({ result: result[j] ?? null }));
        },
        (err) => {
          const failure = lambdaError(err);
          for (const p of batch) p.resolve(failure);
        },
      );
    }
  }

  return {
    name: options.name,
    type: 'AWS_LAMBDA',
    async invoke(request: unknown, info: InvocationInfo): Promise<DataSourceResponse> {
      const req = (request ?? {}) as LambdaRequest;
      const operation = req.operation ?? 'Invoke';
      const event = 'payload' in req ? req.payload : directEvent(info.context);
      if (operation === 'Invoke') {
        if (req.invocationType === 'Event') {
          // Asynchronous invocation: AppSync does not wait for the function's result.
          invoke(event).catch(() => undefined);
          return { result: null };
        }
        try {
          return { result: (await invoke(event)) ?? null };
        } catch (err) {
          return lambdaError(err);
        }
      }
      if (operation !== 'BatchInvoke') {
        return { error: { message: `Unsupported operation '${String(operation)}'. Use Invoke or BatchInvoke.`, type: 'Lambda:Unhandled' } };
      }
      const ctxInfo = info.context.info as { parentTypeName?: string; fieldName?: string } | undefined;
      const key = `${ctxInfo?.parentTypeName}.${ctxInfo?.fieldName}`;
      return new Promise<DataSourceResponse>((resolve) => {
        let queue = queues.get(key);
        if (!queue) {
          queue = [];
          queues.set(key, queue);
          // Every sibling in a list resolves in the same pass; flush once it is over.
          setImmediate(() => flush(key));
        }
        queue.push({ event, resolve });
      });
    },
  };
}
