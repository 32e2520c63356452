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

/**
 * A resolver past the API's `resolverCountLimit` (default 10,000): errorType from the
 * configuration-limits page of the AppSync guide; the message as AppSync users quote it
 * (aws-amplify/amplify-js#8342).
 */
export function resolverLimitError(): FieldError {
  return new FieldError('Resolver invocation limit reached.', 'ResolverExecutionLimitReached');
}

/**
 * A field nested deeper than the API's `queryDepthLimit`: errorType from the configuration-limits
 * page of the AppSync guide; AWS shows the message only in a screenshot, so the wording is ours.
 */
export function depthLimitError(limit: number): FieldError {
  return new FieldError(`Query depth limit of ${limit} reached.`, 'QueryDepthLimitReached');
}
