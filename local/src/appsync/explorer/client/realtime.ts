/**
 * A minimal AppSync real-time client for the explorer: one WebSocket per subscription, speaking
 * the protocol in `local/src/appsync/realtime/protocol.ts` (the same types and validator the
 * server uses; docs/realtime.md). Framework-free so it runs in the browser bundle and, with the
 * `ws` package injected, in Node tests.
 *
 * Flow (AWS AppSync Developer Guide, "Building a real-time WebSocket client"): open
 * `<graphql url>/realtime` with subprotocols `graphql-ws` + `header-<base64url(auth JSON)>`,
 * send `connection_init`, wait for `connection_ack`, send `start` (`payload.data` = JSON
 * `{query, variables}`, `payload.extensions.authorization` = the same auth JSON), deliver each
 * `data` payload, and send `stop` on unsubscribe. `error` / `connection_error` frames become
 * GraphQL errors in the result, then the subscription completes.
 */
import {
  HEADER_SUBPROTOCOL_PREFIX,
  MessageType,
  SUBPROTOCOL,
  validateMessage,
  type ClientMessage,
  type ProtocolErrorEntry,
  type ServerMessage,
} from '../../realtime/protocol.ts';

/**
 * A GraphQL response as GraphiQL renders it. `any` because GraphiQL types results with graphql-js
 * classes (`GraphQLError`), while these are plain JSON from the wire, which it only formats.
 */
export interface SubscriptionResult {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  errors?: readonly any[];
}

/** The observer GraphiQL passes to `Observable.subscribe`. */
export interface ResultObserver {
  next(value: SubscriptionResult): void;
  error(error: unknown): void;
  complete(): void;
}

/** The Observable shape GraphiQL accepts from a fetcher (`@graphiql/toolkit` `Observable`): an observer or callbacks. */
export interface ResultObservable {
  subscribe(
    first?: ResultObserver | ((value: SubscriptionResult) => void),
    error?: ((error: unknown) => void) | null,
    complete?: () => void,
  ): { unsubscribe(): void };
}

function toObserver(
  first?: ResultObserver | ((value: SubscriptionResult) => void),
  error?: ((error: unknown) => void) | null,
  complete?: () => void,
): ResultObserver {
  if (typeof first === 'object') return first;
  return { next: first ?? (() => {}), error: error ?? (() => {}), complete: complete ?? (() => {}) };
}

/** The auth header JSON, e.g. `{Authorization, host}` (Lambda / Cognito modes). */
export type RealtimeAuthHeader = Record<string, string>;

export interface RealtimeSubscribeOptions {
  /** The real-time URL, e.g. `ws://localhost:20002/graphql/realtime`. */
  url: string;
  auth: RealtimeAuthHeader;
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  /** How long to wait for `connection_ack`, then for `start_ack` (default 15 s each, as Amplify v6). */
  ackTimeoutMs?: number;
  /** Defaults to `globalThis.WebSocket`; tests pass the `ws` package's class. */
  WebSocket?: new (url: string, protocols: string[]) => WebSocket;
}

/** How long to wait for `complete` after `stop` before closing anyway. */
const STOP_GRACE_MS = 1_000;
/** `CONNECTION_INIT_TIMEOUT` and `START_ACK_TIMEOUT` of `@aws-amplify/api-graphql` (Providers/constants). */
const ACK_TIMEOUT_MS = 15_000;

/** `ws(s)://<host><graphql path>/realtime` for an `http(s)://` GraphQL URL (relative URLs resolve against `base`). */
export function realtimeUrlFor(graphqlUrl: string, base?: string): string {
  const url = new URL(graphqlUrl, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/$/, '')}/realtime`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** base64url of the UTF-8 JSON, without padding: what Amplify v6 puts after `header-`. */
export function encodeAuthHeader(auth: RealtimeAuthHeader): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(JSON.stringify(auth))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const errorsOf = (entries: readonly ProtocolErrorEntry[]): SubscriptionResult => ({ data: null, errors: entries });

function isCompleteFor(text: string, id: string): boolean {
  try {
    const value = JSON.parse(text) as { type?: unknown; id?: unknown };
    return value.type === MessageType.Complete && value.id === id;
  } catch {
    return false;
  }
}

let nextId = 0;

/** Subscribes over AppSync's real-time protocol; each `subscribe()` opens its own connection. */
export function subscribeRealtime(options: RealtimeSubscribeOptions): ResultObservable {
  return {
    subscribe(first?: ResultObserver | ((value: SubscriptionResult) => void), error?: ((error: unknown) => void) | null, complete?: () => void) {
      const observer = toObserver(first, error, complete);
      const Ctor = options.WebSocket ?? globalThis.WebSocket;
      const id = `explorer-${Date.now().toString(36)}-${++nextId}`;
      const socket = new Ctor(options.url, [SUBPROTOCOL, HEADER_SUBPROTOCOL_PREFIX + encodeAuthHeader(options.auth)]);
      const ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
      let done = false;
      let started = false;
      let startAcked = false;
      let keepAliveMs = 0;
      let deadline: ReturnType<typeof setTimeout> | undefined;

      const send = (message: ClientMessage) => {
        const problem = validateMessage(message);
        if (problem) throw new Error(`explorer built an invalid ${message.type} frame: ${problem}`);
        socket.send(JSON.stringify(message));
      };
      const finish = (last?: SubscriptionResult) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        if (last) observer.next(last);
        observer.complete();
        if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(1000);
      };
      // One deadline per phase: the ack, then start_ack, then the ack's connectionTimeoutMs as the
      // longest the server may stay silent (it sends `ka` every 60 s).
      const arm = (ms: number, what: string) => {
        clearTimeout(deadline);
        deadline = setTimeout(() => finish(errorsOf([{ message: `No ${what} from the server within ${ms} ms; connection closed.` }])), ms);
      };
      arm(ackTimeoutMs, 'connection_ack');

      socket.addEventListener('open', () => send({ type: MessageType.ConnectionInit }));
      socket.addEventListener('message', (event: MessageEvent) => {
        if (done) return;
        let message: ServerMessage;
        try {
          const value: unknown = JSON.parse(String(event.data));
          const problem = validateMessage(value);
          if (problem) throw new Error(problem);
          message = value as ServerMessage;
        } catch (err) {
          finish(errorsOf([{ message: `Malformed frame from the server: ${(err as Error).message}` }]));
          return;
        }
        if (startAcked) arm(keepAliveMs, 'keep-alive');
        switch (message.type) {
          case MessageType.ConnectionAck:
            if (!started) {
              started = true;
              keepAliveMs = message.payload.connectionTimeoutMs;
              arm(ackTimeoutMs, 'start_ack');
              const data = JSON.stringify({ query: options.query, variables: options.variables ?? {}, ...(options.operationName ? { operationName: options.operationName } : {}) });
              send({ type: MessageType.Start, id, payload: { data, extensions: { authorization: options.auth } } });
            }
            return;
          case MessageType.StartAck:
            if (message.id === id && !startAcked) {
              startAcked = true;
              arm(keepAliveMs, 'keep-alive');
            }
            return;
          case MessageType.Data:
            if (message.id === id) observer.next(message.payload);
            return;
          case MessageType.Error:
            if (message.id === undefined || message.id === id) finish(errorsOf(message.payload.errors));
            return;
          case MessageType.ConnectionError:
            finish(errorsOf(message.payload.errors));
            return;
          case MessageType.Complete:
            if (message.id === id) finish();
            return;
          default:
            return; // ka
        }
      });
      socket.addEventListener('close', (event: CloseEvent) => {
        finish(errorsOf([{ message: `Real-time connection closed (code ${event.code}${event.reason ? `: ${event.reason}` : ''}).` }]));
      });
      socket.addEventListener('error', () => {
        // A failed handshake fires `error` then `close`; the close handler reports it.
      });

      return {
        unsubscribe() {
          if (done) return;
          done = true;
          clearTimeout(deadline);
          if (started && socket.readyState === socket.OPEN) {
            send({ type: MessageType.Stop, id });
            // Close once the server confirms with `complete`, or after a grace period.
            const timer = setTimeout(() => socket.close(1000), STOP_GRACE_MS);
            socket.addEventListener('message', (event: MessageEvent) => {
              if (isCompleteFor(String(event.data), id)) {
                clearTimeout(timer);
                socket.close(1000);
              }
            });
          } else {
            socket.close(1000);
          }
        },
      };
    },
  };
}
