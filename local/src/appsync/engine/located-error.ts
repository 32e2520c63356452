/**
 * A request-limit error already placed at its field, for graphql-js to report as it is. graphql-js
 * would place it itself, but it finds a line and column by scanning the document from its start
 * for every error; a 60 KB one-line alias bomb over the resolver limit fails hundreds of fields,
 * and those scans became the longest synchronous stretch of the request. Here each document's line
 * starts are found once and looked up by binary search.
 */
import { GraphQLError, type GraphQLResolveInfo, type Source, type SourceLocation } from 'graphql';
import type { FieldError } from './field-error.ts';

const lineStarts = new WeakMap<Source, number[]>();

function locate(source: Source, position: number): SourceLocation {
  let starts = lineStarts.get(source);
  if (!starts) {
    starts = [0];
    const body = source.body;
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      // \r\n, \n and \r each end a line, as graphql-js counts them.
      if (c === 10 || (c === 13 && body.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    lineStarts.set(source, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= position) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: position - starts[lo] + 1 };
}

/** `error` at the field `info` resolves, with its path and locations. */
export function locatedAt(error: FieldError, info: GraphQLResolveInfo): GraphQLError {
  const path: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.push(p.key);
  // No stack trace: it is never shown, and capturing one per failed field is most of the cost.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let located: GraphQLError;
  try {
    located = new GraphQLError(error.message, { path: path.reverse() });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const locations = info.fieldNodes.flatMap((n) => (n.loc ? [locate(n.loc.source, n.loc.start)] : []));
  // Set afterwards: given to the constructor, the original error's stack would be formatted
  // (with source maps) for every field, the dearest part of failing hundreds of them.
  Object.assign(located, { locations: locations.length ? locations : undefined, originalError: error });
  return located;
}
