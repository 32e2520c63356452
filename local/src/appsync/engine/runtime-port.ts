/**
 * The engine's view of the APPSYNC_JS runtime (`../runtime/index.ts`): compile once, evaluate a
 * handler against a `ctx`, and read back a normalised outcome. Kept in one place so the rest of
 * the engine does not depend on the runtime's exact result shape.
 */
import * as runtime from '../runtime/index.ts';
import type { AppSyncErrorDetail, Evaluation } from '../runtime/types.ts';

export type CompiledCode = Awaited<ReturnType<typeof runtime.compileCode>>;

export type ErrorDetail = AppSyncErrorDetail;

export interface Outcome {
  value: unknown;
  /** `util.error` was called. */
  error?: ErrorDetail;
  /** `util.unauthorized()` was called. */
  unauthorized: boolean;
  /** `util.appendError` entries. */
  appended: ErrorDetail[];
  /** `runtime.earlyReturn` was called; `value` is its object. */
  earlyReturn?: { skipTo?: 'END' | 'NEXT' };
  stash: Record<string, unknown>;
  /** A JavaScript error in the resolver code (AppSync errorType `Code`). */
  runtimeError?: string;
  subscriptionFilter?: unknown;
  subscriptionInvalidationFilter?: unknown;
  invalidations: { subscriptionField: string; payload: unknown }[];
  /** `extensions.evictFromApiCache` calls. */
  evictions: { typeName: string; fieldName: string; keys: unknown }[];
}

export function compile(source: string, filename: string): Promise<CompiledCode> {
  return Promise.resolve(runtime.compileCode(source, filename));
}

/** Evaluates one handler. Never throws for resolver-level failures: they come back in the outcome. */
export function evaluateHandler(
  code: CompiledCode,
  handler: 'request' | 'response',
  ctx: Record<string, unknown>,
  requestId: string,
  onLog: ((line: string) => void) | undefined,
): Outcome {
  return normalise(runtime.evaluate(code, handler, ctx, { requestId, onLog }));
}

function normalise(ev: Evaluation): Outcome {
  const rt = ev.runtimeError;
  return {
    value: ev.earlyReturn ? ev.earlyReturn.value : ev.value,
    error: ev.error,
    unauthorized: Boolean(ev.unauthorized),
    appended: ev.errors,
    earlyReturn: ev.earlyReturn ? { skipTo: ev.earlyReturn.skipTo } : undefined,
    stash: ev.stash ?? {},
    // AppSync reports code errors as "code.js:162:13: ReferenceError: …" (aws/aws-appsync-community#328).
    runtimeError: rt ? (rt.line !== undefined ? `${decodeURIComponent(rt.file ?? 'code.js')}:${rt.line}:${rt.column ?? 0}: ${rt.message}` : rt.message) : undefined,
    subscriptionFilter: ev.extensions.subscriptionFilter,
    subscriptionInvalidationFilter: ev.extensions.subscriptionInvalidationFilter,
    invalidations: ev.extensions.invalidations ?? [],
    evictions: ev.extensions.evictions ?? [],
  };
}
