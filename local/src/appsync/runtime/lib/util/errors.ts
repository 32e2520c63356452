/** util.error / appendError / unauthorized (developer guide, "Resolver and function utilities"). */
import { abort, state, type ErrorDetail } from '../state.ts';

function detail(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): ErrorDetail {
  const d: ErrorDetail = { message: message === undefined || message === null ? 'null' : String(message) };
  d.errorType = errorType === undefined || errorType === null ? null : String(errorType);
  if (data !== undefined) d.data = data;
  if (errorInfo !== undefined) d.errorInfo = errorInfo;
  return d;
}

/** Aborts the handler: the field resolves to null with this error. */
export function error(message?: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): never {
  return abort({ kind: 'error', detail: detail(message, errorType, data, errorInfo) });
}

/** Records an error and lets the handler continue. */
export function appendError(message?: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): void {
  state().errors.push(detail(message, errorType, data, errorInfo));
}

export function unauthorized(): never {
  return abort({ kind: 'unauthorized', detail: { message: 'Unauthorized', errorType: 'Unauthorized' } });
}
