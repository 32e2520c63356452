/** One GraphQL error as AppSync returns it (`errorType` is AppSync's addition to the spec). */
export interface ApiErrorEntry {
  message: string;
  errorType?: string;
  path?: ReadonlyArray<string | number>;
}

/** What every hook reports on failure: the first error's text plus all of them. */
export class ApiError extends Error {
  readonly errorType: string | undefined;
  readonly errors: ApiErrorEntry[];
  constructor(errors: ApiErrorEntry[]) {
    super(errors[0]?.message ?? 'Request failed');
    this.name = 'ApiError';
    this.errors = errors;
    this.errorType = errors[0]?.errorType;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function toEntry(e: unknown): ApiErrorEntry {
  if (!isRecord(e)) return { message: String(e) };
  const message = typeof e.message === 'string' ? e.message : 'Request failed';
  // graphql-js GraphQLError keeps AppSync fields under originalError/extensions when Amplify wraps a network error.
  const ext = isRecord(e.extensions) ? e.extensions : {};
  const errorType = typeof e.errorType === 'string' ? e.errorType : typeof ext.errorType === 'string' ? ext.errorType : undefined;
  const path = Array.isArray(e.path) ? (e.path as Array<string | number>) : undefined;
  return { message, errorType, path };
}

/**
 * Normalises whatever Amplify's `graphql()` rejected with. For a response carrying `errors`
 * Amplify rejects with the whole `{ data, errors }` result; network failures arrive the same way
 * wrapped in a GraphQLError; anything else is an Error.
 */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  if (isRecord(thrown) && Array.isArray(thrown.errors) && thrown.errors.length > 0) {
    return new ApiError(thrown.errors.map(toEntry));
  }
  if (thrown instanceof Error) return new ApiError([{ message: thrown.message, errorType: thrown.name }]);
  return new ApiError([toEntry(thrown)]);
}

/** Human text for an error, with friendlier wording for the AppSync error types users can hit. */
export function describeApiError(err: ApiError): string {
  switch (err.errorType) {
    case 'Unauthorized':
    case 'UnauthorizedException':
      return 'You need to sign in to do that.';
    case 'NetworkError':
      return 'Cannot reach the server. Check your connection and try again.';
    default:
      return err.message;
  }
}

/**
 * The server refused the credentials themselves (expired or revoked token), as opposed to a
 * resolver refusing the caller (`Unauthorized`). AppSync's real-time error text arrives inside
 * Amplify's message ("Connection failed: {…UnauthorizedException…}"), so the message counts too.
 */
export function isCredentialsRefusal(err: ApiError): boolean {
  return err.errors.some((e) => e.errorType === 'UnauthorizedException' || e.message.includes('UnauthorizedException'));
}
