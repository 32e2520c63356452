/**
 * Names the GraphQL request behind each DynamoDB call this data source makes, in the front's
 * REQUEST_ID_HEADER, so the stream records a mutation causes can be tied to its request id in
 * stream consumers' delivery logs. Each invocation gets a view of the client whose commands carry
 * the id (added per command, before SigV4 signs in finalizeRequest). An explicit view rather than
 * AsyncLocalStorage: on Node 20 an active AsyncLocalStorage turns on promise hooks for the whole
 * process, a cost every resolver would pay. Nothing reaches the DynamoDB payload or the records.
 * The same view carries the request's abort signal, so a timed-out request's calls are cancelled
 * (still queued for a socket, or awaiting their answer) instead of running on.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HttpRequest } from '@smithy/protocol-http';
import { REQUEST_ID_HEADER } from '../../../dynamodb/front/protocol.ts';

/** What the operation modules need of a client. */
export type DynamoSender = Pick<DynamoDBClient, 'send'>;

const MIDDLEWARE = 'cruddurRequestIdHeader';

/**
 * `client`, with `requestId` (when given) in the header of every command sent through the returned
 * view, and `signal` (when given) as each command's `abortSignal`.
 */
export function withRequestId(client: DynamoDBClient, requestId: string, signal?: AbortSignal): DynamoSender {
  const send = (command: Parameters<DynamoDBClient['send']>[0], options?: object) => {
    if (requestId) {
      command.middlewareStack.add(
        (next) => async (args) => {
          if (HttpRequest.isInstance(args.request)) args.request.headers[REQUEST_ID_HEADER] = requestId;
          return next(args);
        },
        { step: 'build', name: MIDDLEWARE, override: true },
      );
    }
    const withSignal = signal ? { ...options, abortSignal: signal } : options;
    return (client.send as (...a: unknown[]) => Promise<unknown>)(command, ...(withSignal ? [withSignal] : []));
  };
  return { send } as DynamoSender;
}
