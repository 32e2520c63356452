/** The runtime's public types (re-exported by index.ts). */

export interface CompiledCode {
  readonly filename: string;
  readonly hasRequest: boolean;
  readonly hasResponse: boolean;
}

export interface AppSyncErrorDetail {
  message: string;
  errorType?: string | null;
  data?: unknown;
  errorInfo?: unknown;
}

export interface Evaluation {
  /** The handler's return value, as JSON (undefined if none). For earlyReturn, the value given. */
  value: unknown;
  /** util.error(...) was called: the field aborts. */
  error?: AppSyncErrorDetail;
  /** util.unauthorized() was called (error is set too). */
  unauthorized?: boolean;
  /** util.appendError(...) calls, in order. */
  errors: AppSyncErrorDetail[];
  earlyReturn?: { value: unknown; skipTo?: 'END' | 'NEXT' };
  /**
   * ctx.stash after the handler (pipelines pass it on). Read-only: when the handler left it
   * unchanged this may be the very object passed in, and its JSON text is reused (ctx-transfer.ts).
   */
  stash: Record<string, unknown>;
  /** console.* lines: `INFO - file:line:col: message`. */
  logs: string[];
  extensions: {
    subscriptionFilter?: unknown;
    subscriptionInvalidationFilter?: unknown;
    invalidations: { subscriptionField: string; payload: unknown }[];
    evictions: { typeName: string; fieldName: string; keys: unknown }[];
  };
  /** util.http.addResponseHeader(s) calls. */
  responseHeaders: Record<string, string>;
  /** The code itself failed (TypeError, timeout, …); position mapped to the original source when possible. */
  runtimeError?: { message: string; line?: number; column?: number; file?: string };
}

export interface EvaluateOptions {
  requestId?: string;
  onLog?: (line: string) => void;
  /** Milliseconds before the handler is stopped (default 5000). */
  timeoutMs?: number;
}

export interface Violation { line: number; column: number; message: string }
