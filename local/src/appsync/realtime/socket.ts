/**
 * The only things the real-time core knows about transports and logging. The `ws` adapter
 * (`server.ts`) implements RealtimeSocket in a few lines; tests may drive the core directly.
 */

/** A connected WebSocket, reduced to what the protocol needs. */
export interface RealtimeSocket {
  /**
   * Sends one TEXT frame (a Buffer holds its UTF-8 bytes and must still go out as text).
   * Must not throw once the socket is closing; the core may call it late.
   */
  send(frame: string | Buffer): void;
  /** Closes the connection (WebSocket close code and reason). */
  close(code?: number, reason?: string): void;
}

/** pino-compatible subset: `(object, message)`. */
export interface RealtimeLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: RealtimeLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Limits and timers; defaults are AppSync's (appsync.md §6.3, §10). */
export interface RealtimeLimits {
  /** Sent in connection_ack; the client's keep-alive timeout. Default 300000. */
  connectionTimeoutMs: number;
  /** Interval of the shared `ka` sweep. Default 60000 (AppSync sends `ka` about every minute). */
  keepAliveIntervalMs: number;
  /** A connection that sends no valid message at all within this time is closed. Default 300000. */
  initTimeoutMs: number;
  /** Default 100 (AppSync's "subscriptions per connection" quota). */
  maxSubscriptionsPerConnection: number;
  /** Default 245760 (240 KB): larger event payloads are not delivered, and are logged. */
  maxPayloadBytes: number;
  /** Largest client frame accepted (bytes); larger ones close the socket with 1009. Default 1 MiB. */
  maxInboundFrameBytes: number;
  /**
   * Bytes queued for a socket that does not read. Past this the connection is dropped (as if the
   * network had failed) rather than buffering without bound for one slow client. Default 16 MiB.
   */
  maxBufferedBytes: number;
  /**
   * How often each open connection's and subscription's token credentials are re-authorised
   * (through the Authenticator's per-token cache). 0 turns it off. Default 10000.
   */
  reauthorizeIntervalMs: number;
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  connectionTimeoutMs: 300_000,
  keepAliveIntervalMs: 60_000,
  initTimeoutMs: 300_000,
  maxSubscriptionsPerConnection: 100,
  maxPayloadBytes: 245_760,
  maxInboundFrameBytes: 1_048_576,
  maxBufferedBytes: 16 * 1_048_576,
  reauthorizeIntervalMs: 10_000,
};
