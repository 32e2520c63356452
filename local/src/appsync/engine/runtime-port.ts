/**
 * The engine's view of the APPSYNC_JS runtime (`../runtime/index.ts`): compile once, evaluate a
 * handler against a `ctx`, and read back a normalised outcome. Kept in one place so the rest of
 * the engine does not depend on the runtime's exact result shape.
 */
import * as runtime from '../runtime/index.ts';

export type CompiledCode = Awaited<ReturnType<typeof runtime.compileCode>>;

export interface ErrorDetail {
  message: string;
  errorType?: string | null;
  data?: unknown;
  errorInfo?: unknown;
}

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
}

export function compile(source: string, filename: string): Promise<CompiledCode> {
  return Promise.resolve(runtime.compileCode(source, filename));
}

type RawEvaluation = Record<string, any>;

/** Evaluates one handler. Never throws for resolver-level failures: they come back in the outcome. */
export function evaluateHandler(
  code: CompiledCode,
  handler: 'request' | 'response',
  ctx: Record<string, unknown>,
  requestId: string,
  onLog: ((line: string) => void) | undefined,
): Outcome {
  const ev = runtime.evaluate(code, handler, ctx as never, { requestId, onLog } as never) as unknown as RawEvaluation;
  return normalise(ev);
}

function normalise(ev: RawEvaluation): Outcome {
  const ext = (ev.extensions ?? {}) as RawEvaluation;
  const early = ev.earlyReturn;
  const rt = ev.runtimeError;
  return {
    value: ev.value,
    error: ev.error ? normaliseError(ev.error) : undefined,
    unauthorized: Boolean(ev.unauthorized),
    appended: Array.isArray(ev.errors) ? ev.errors.map(normaliseError) : [],
    earlyReturn: early ? { skipTo: typeof early === 'object' ? early.skipTo : undefined } : undefined,
    stash: ev.stash ?? {},
    runtimeError: rt ? (typeof rt === 'string' ? rt : String(rt.message ?? rt)) : undefined,
    subscriptionFilter: ext.subscriptionFilter,
    subscriptionInvalidationFilter: ext.subscriptionInvalidationFilter,
    invalidations: Array.isArray(ext.invalidations) ? ext.invalidations : [],
  };
}

function normaliseError(e: any): ErrorDetail {
  return { message: String(e.message ?? ''), errorType: e.errorType ?? e.type ?? null, data: e.data ?? null, errorInfo: e.errorInfo ?? e.info ?? null };
}
