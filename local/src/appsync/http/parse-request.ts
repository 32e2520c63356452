/**
 * Turns an HTTP request into a GraphQL request the way AppSync does: a JSON body
 * `{query, variables?, operationName?}` on POST (AppSync reads it as JSON whatever the
 * Content-Type, e.g. `application/graphql`), or query-string parameters on GET.
 * Anything else is AppSync's 400 `MalformedHttpRequestException`.
 */
import type { GraphQLRequest } from '../engine/types.ts';
import { requestErrors, type RequestError } from './responses.ts';

export type ParsedRequest = { ok: true; request: GraphQLRequest } | { ok: false; error: RequestError };

function validate(value: unknown): ParsedRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: requestErrors.unparsable() };
  const { query, variables, operationName } = value as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return { ok: false, error: requestErrors.unparsable() };
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return { ok: false, error: requestErrors.unparsable() };
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return { ok: false, error: requestErrors.unparsable() };
  return {
    ok: true,
    request: { query, variables: (variables as Record<string, unknown> | null | undefined) ?? null, operationName: (operationName as string | null | undefined) ?? null },
  };
}

export function parsePostBody(text: string): ParsedRequest {
  if (text.trim() === '') return { ok: false, error: requestErrors.emptyBody() };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: requestErrors.unparsable() };
  }
  return validate(value);
}

/**
 * True when every %-escape sequence in a raw query string decodes to UTF-8. URLSearchParams turns
 * bad bytes into U+FFFD without a word; a stray `%` (not an escape) is left to it as before.
 */
function isUtf8Query(rawSearch: string): boolean {
  try {
    decodeURIComponent(rawSearch.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
    return true;
  } catch {
    return false;
  }
}

/** A GET request's `query`, `variables` (JSON) and `operationName` from the raw query string (`?…`). */
export function parseGetQuery(rawSearch: string): ParsedRequest {
  if (!isUtf8Query(rawSearch)) return { ok: false, error: requestErrors.invalidUtf8('Query string') };
  const search = new URLSearchParams(rawSearch);
  let variables: unknown = null;
  const raw = search.get('variables');
  if (raw) {
    try {
      variables = JSON.parse(raw);
    } catch {
      return { ok: false, error: requestErrors.unparsable() };
    }
  }
  return validate({ query: search.get('query') ?? undefined, variables, operationName: search.get('operationName') });
}
