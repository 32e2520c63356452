/**
 * GraphiQL's fetcher for the offline API: queries and mutations are POSTed over HTTP (GraphiQL's
 * own fetcher), subscriptions go over AppSync's real-time protocol (`./realtime.ts`). Both carry
 * the same credential: an `Authorization` (or `x-api-key`) from GraphiQL's Headers tab when set,
 * otherwise the token bar's token. The API's browser mode is AWS_LAMBDA (decision 012), whose
 * real-time header JSON is `{Authorization, host}` (docs/realtime.md §1). Whatever goes wrong
 * reaches the result pane as a GraphQL error, never as a stack trace.
 */
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { getOperationAST, parse, type DocumentNode, type ExecutionResult } from 'graphql';
import { realtimeUrlFor, subscribeRealtime, type WebSocketClass } from '../../realtime-client/index.ts';

export interface ExplorerFetcherOptions {
  /** The GraphQL endpoint, absolute or relative to `base`. */
  graphqlUrl: string;
  /** The page's URL (resolves a relative `graphqlUrl`). */
  base: string;
  /** The token bar's value; empty sends no credential. */
  token: string;
  /** For tests in Node. */
  WebSocket?: WebSocketClass;
}

const CREDENTIAL_HEADERS = ['authorization', 'x-api-key'];

/**
 * True when the operation GraphiQL will run is a subscription. Parses `query` itself: GraphiQL's
 * `documentAST` option is updated on a debounce and can describe the previous editor text.
 */
export function isSubscription(query: string, operationName?: string | null): boolean {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false; // let the server report the syntax error over HTTP
  }
  return getOperationAST(document, operationName ?? undefined)?.operation === 'subscription';
}

/** The headers GraphiQL's editor set, plus `Authorization: token` unless it set a credential. */
export function withCredential(headers: Record<string, unknown> | undefined, token: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined && v !== null) out[k] = String(v);
  const hasCredential = Object.keys(out).some((h) => CREDENTIAL_HEADERS.includes(h.toLowerCase()));
  if (!hasCredential && token) out.Authorization = token;
  return out;
}

/**
 * A failure outside GraphQL (network down, a non-JSON answer) as a GraphQL error result. Typed as
 * graphql-js's result because GraphiQL's types want `GraphQLError`s; it only formats them as JSON.
 */
export function transportError(url: string, err: unknown): ExecutionResult {
  const reason = err instanceof Error ? err.message : String(err);
  const errors = [{ message: `Could not get a GraphQL response from ${url}: ${reason}`, errorType: 'NetworkError' }];
  return { data: null, errors: errors as unknown as ExecutionResult['errors'] };
}

export function createExplorerFetcher(options: ExplorerFetcherOptions): Fetcher {
  const url = new URL(options.graphqlUrl, options.base).toString();
  // No incremental delivery: AppSync has no @defer/@stream, and the multipart fetcher only fails
  // while GraphiQL iterates it, past the `catch` below.
  const http = createGraphiQLFetcher({ url, enableIncrementalDelivery: false });
  const graphqlHost = new URL(url).host;
  const realtimeUrl = realtimeUrlFor(options.graphqlUrl, options.base);
  return (params, opts) => {
    const headers = withCredential(opts?.headers, options.token);
    if (!isSubscription(params.query, params.operationName)) {
      // Not `opts.documentAST`: GraphiQL refreshes it on a debounce, so right after the editor
      // changed from a subscription it still says "subscription", and the toolkit's fetcher would
      // throw for want of a WebSocket client. This text was parsed just now and is no subscription.
      return Promise.resolve()
        .then(() => http(params, { ...opts, headers, documentAST: undefined }))
        .catch((err: unknown) => transportError(url, err));
    }
    // Only credentials travel in the real-time auth JSON, plus the host AppSync requires.
    const auth: Record<string, string> = { host: graphqlHost };
    for (const [k, v] of Object.entries(headers)) {
      const lower = k.toLowerCase();
      if (lower === 'authorization') auth.Authorization = v;
      else if (lower === 'x-api-key') auth['x-api-key'] = v;
    }
    return subscribeRealtime({
      url: realtimeUrl,
      auth,
      query: params.query,
      variables: (params.variables as Record<string, unknown> | undefined) ?? null,
      operationName: params.operationName,
      WebSocket: options.WebSocket,
    });
  };
}
