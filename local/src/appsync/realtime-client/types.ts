/** The real-time client's public shapes: requests, observers, subscriptions, errors. */
import type { ProtocolErrorEntry } from '../realtime/protocol.ts';
import type { RealtimeAuthHeader } from './url.ts';

/** A constructor of WHATWG-style sockets: the browser's `WebSocket`, or `ws`'s class in Node. */
export type WebSocketClass = new (url: string, protocols: string[]) => WebSocket;

/** A GraphQL response as a `data` frame carries it. */
export interface RealtimeResult {
  data: unknown;
  errors?: readonly unknown[];
}

/** What a subscriber hears. After `error` or `complete` nothing more arrives. */
export interface RealtimeObserver {
  next(result: RealtimeResult): void;
  /** A refused `start`, a lost connection or a timeout; the subscription is over. */
  error(errors: readonly ProtocolErrorEntry[]): void;
  /** The server completed the subscription (after `stop`, or on its own). */
  complete?(): void;
}

export interface RealtimeRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  /** The `start`'s authorization JSON; defaults to the connection's. */
  authorization?: RealtimeAuthHeader;
}

export interface RealtimeSubscription {
  readonly id: string;
  /** Resolves at `start_ack`; rejects with a RealtimeError when the start is refused or fails. */
  readonly acknowledged: Promise<void>;
  /** Sends `stop` (nothing if not started yet); resolves at `complete`, or after a grace period. */
  stop(): Promise<void>;
}

export interface RealtimeConnectionOptions {
  /** The real-time URL, e.g. `ws://localhost:20002/graphql/realtime` (`realtimeUrlFor`). */
  url: string;
  auth: RealtimeAuthHeader;
  /** How long to wait for `connection_ack`, and for each `start_ack` (default 15 s each, as Amplify v6). */
  ackTimeoutMs?: number;
  /** Defaults to `globalThis.WebSocket`. */
  WebSocket?: WebSocketClass;
}

/** Errors from the protocol, carried on an Error for promise rejections. */
export class RealtimeError extends Error {
  constructor(readonly errors: readonly ProtocolErrorEntry[]) {
    super(errors.map((e) => (e.errorType ? `${e.errorType}: ${e.message}` : e.message)).join('; '));
    this.name = 'RealtimeError';
  }
}
