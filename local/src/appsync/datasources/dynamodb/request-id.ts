/**
 * Names the GraphQL request behind each DynamoDB call this data source makes, in the front's
 * REQUEST_ID_HEADER, so the stream records a mutation causes can be tied to its request id in
 * stream consumers' delivery logs. The id travels in an AsyncLocalStorage scope opened around one
 * `invoke`, and a middleware on the SDK client copies it onto every request sent inside that scope
 * (so the operation modules need not thread it through). Calls outside a scope — other users of a
 * shared client — are sent unchanged. Nothing reaches the DynamoDB payload or the stream records.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HttpRequest } from '@smithy/protocol-http';
import { REQUEST_ID_HEADER } from '../../../dynamodb/front/protocol.ts';

const scope = new AsyncLocalStorage<string>();
const MIDDLEWARE = 'cruddurRequestIdHeader';

/** Runs `fn` with `requestId` attached to every DynamoDB call it makes through a tagged client. */
export function withRequestId<T>(requestId: string, fn: () => Promise<T>): Promise<T> {
  return scope.run(requestId, fn);
}

/** Adds the header middleware to `client` (idempotent: data sources sharing a client add it once). */
export function tagRequests(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const requestId = scope.getStore();
      if (requestId && HttpRequest.isInstance(args.request)) args.request.headers[REQUEST_ID_HEADER] = requestId;
      return next(args);
    },
    // The build step runs before finalizeRequest, where SigV4 signs: the header is signed like the rest.
    { step: 'build', name: MIDDLEWARE, override: true },
  );
}
