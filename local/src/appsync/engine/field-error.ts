/**
 * The error a field raises when AppSync aborts it: `util.error`, `util.unauthorized()`, a
 * runtime error in resolver code, a request limit. graphql-js wraps it with path and locations;
 * `format-errors.ts` turns it into AppSync's `errors[]` entry.
 */
export class FieldError extends Error {
  readonly errorType: string | null;
  readonly data: unknown;
  readonly errorInfo: unknown;

  constructor(message: string, errorType: string | null, data: unknown = null, errorInfo: unknown = null) {
    super(message);
    this.name = 'FieldError';
    this.errorType = errorType;
    this.data = data ?? null;
    this.errorInfo = errorInfo ?? null;
  }
}

/** `util.unauthorized()` and every auth-directive denial ("security-authz.html"). */
export function unauthorizedError(fieldName: string, typeName: string): FieldError {
  return new FieldError(`Not Authorized to access ${fieldName} on type ${typeName}`, 'Unauthorized');
}

/** The request-wide errors AppSync raises for its quotas. */
export const TIMEOUT_MESSAGE = 'Execution timed out.';
export const TIMEOUT_TYPE = 'ExecutionTimeout';
