/**
 * Per-evaluation state of the sandbox library. This module runs INSIDE the resolver's vm context
 * (it is bundled into the context's prelude), so it must not import anything from the host.
 */
export interface ErrorDetail {
  message: string;
  errorType?: string | null;
  data?: unknown;
  errorInfo?: unknown;
}

export interface RunState {
  identity: unknown;
  errors: ErrorDetail[];
  logs: string[];
  responseHeaders: Record<string, string>;
  subscriptionFilter?: unknown;
  subscriptionInvalidationFilter?: unknown;
  invalidations: { subscriptionField: string; payload: unknown }[];
  evictions: { typeName: string; fieldName: string; keys: unknown }[];
}

export function freshState(identity: unknown): RunState {
  return { identity, errors: [], logs: [], responseHeaders: {}, invalidations: [], evictions: [] };
}

let current: RunState = freshState(null);

export function state(): RunState {
  return current;
}

export function setState(next: RunState): void {
  current = next;
}

/** Marks the objects the library throws to stop a handler; resolver code cannot catch them (no try/catch). */
export const ABORT = '__cruddurAbort';

export interface Abort {
  [ABORT]: 'error' | 'unauthorized' | 'earlyReturn' | 'timeout';
  detail?: ErrorDetail;
  value?: unknown;
  skipTo?: 'END' | 'NEXT';
}

export function abort(signal: Omit<Abort, typeof ABORT> & { kind: Abort[typeof ABORT] }): never {
  const { kind, ...rest } = signal;
  throw { [ABORT]: kind, ...rest } as Abort;
}

export function isAbort(e: unknown): e is Abort {
  return typeof e === 'object' && e !== null && ABORT in e;
}
