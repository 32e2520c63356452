/**
 * One AppSync real-time connection carrying any number of subscriptions, speaking the protocol
 * defined in `../realtime/protocol.ts` (the same types and validator the server uses;
 * docs/realtime.md). Framework-free, so the explorer's browser bundle, the benchmarks and the
 * tests share it; in Node pass the `ws` package's class (`./node-socket.ts`).
 *
 * Flow (AWS AppSync Developer Guide, "Building a real-time WebSocket client"): open the URL with
 * subprotocols `graphql-ws` + `header-<base64url(auth JSON)>`, send `connection_init`, wait for
 * `connection_ack`, then per subscription send `start` (`payload.data` = JSON
 * `{query, variables}`, `payload.extensions.authorization` = the auth JSON), receive `start_ack`,
 * `data`…, and on `stop` a `complete`. Every failure reaches the caller as AppSync-shaped error
 * entries (`{message, errorType?, errorCode?}`), never as a thrown stack.
 */
import { HEADER_SUBPROTOCOL_PREFIX, MessageType, SUBPROTOCOL, validateMessage, type ClientMessage, type ProtocolErrorEntry, type ServerMessage } from '../realtime/protocol.ts';
import { RealtimeError, type RealtimeConnectionOptions, type RealtimeObserver, type RealtimeRequest, type RealtimeSubscription } from './types.ts';
import { encodeAuthHeader } from './url.ts';

/** `CONNECTION_INIT_TIMEOUT` and `START_ACK_TIMEOUT` of `@aws-amplify/api-graphql` (Providers/constants). */
const ACK_TIMEOUT_MS = 15_000;
/** How long `stop` waits for `complete`. */
const STOP_GRACE_MS = 1_000;
const CONNECTING = 0;
const OPEN = 1;

interface Entry {
  readonly request: RealtimeRequest;
  readonly observer: RealtimeObserver;
  state: 'queued' | 'starting' | 'active' | 'stopping' | 'done';
  timer?: ReturnType<typeof setTimeout>;
  settle(error?: readonly ProtocolErrorEntry[]): void;
  onComplete?: () => void;
}

let connections = 0;

/** In Node, a deadline must not keep the process alive on its own (the open socket does). */
function unref<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

/** Opens a connection at once; subscriptions made before `connection_ack` start when it arrives. */
export function connectRealtime(options: RealtimeConnectionOptions): RealtimeConnection {
  return new RealtimeConnection(options);
}

export class RealtimeConnection {
  /** Resolves at `connection_ack`; rejects with a RealtimeError when the connection fails first. */
  readonly ready: Promise<void>;
  private readonly socket: WebSocket;
  private readonly entries = new Map<string, Entry>();
  private readonly ackTimeoutMs: number;
  private readonly idPrefix = `${Date.now().toString(36)}-${++connections}`;
  private nextId = 0;
  private acked = false;
  private failure: readonly ProtocolErrorEntry[] | undefined;
  private closedByUs = false;
  private keepAliveMs = 0;
  private deadline: ReturnType<typeof setTimeout> | undefined;
  private resolveReady!: () => void;
  private rejectReady!: (e: RealtimeError) => void;

  constructor(private readonly options: RealtimeConnectionOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
    this.ready = new Promise<void>((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {}); // reported through subscriptions too; an unawaited ready must not crash
    const Ctor = options.WebSocket ?? globalThis.WebSocket;
    this.socket = new Ctor(options.url, [SUBPROTOCOL, HEADER_SUBPROTOCOL_PREFIX + encodeAuthHeader(options.auth)]);
    this.arm(this.ackTimeoutMs, 'connection_ack');
    this.socket.addEventListener('open', () => this.send({ type: MessageType.ConnectionInit }));
    this.socket.addEventListener('message', (event: MessageEvent) => this.receive(String(event.data)));
    this.socket.addEventListener('close', (event: CloseEvent) => {
      if (!this.closedByUs) this.fail([{ message: `Real-time connection closed (code ${event.code}${event.reason ? `: ${event.reason}` : ''}).` }]);
    });
    // A failed handshake fires `error` then `close`; the close handler reports it.
    this.socket.addEventListener('error', () => {});
  }

  /** Starts a subscription (after `connection_ack`); its outcome reaches `observer`. */
  subscribe(request: RealtimeRequest, observer: RealtimeObserver): RealtimeSubscription {
    const id = `${this.idPrefix}-${++this.nextId}`;
    let settle!: Entry['settle'];
    const acknowledged = new Promise<void>((resolve, reject) => {
      settle = (errors) => (errors ? reject(new RealtimeError(errors)) : resolve());
    });
    acknowledged.catch(() => {}); // the observer hears it too
    const entry: Entry = { request, observer, state: 'queued', settle };
    this.entries.set(id, entry);
    if (this.failure) this.finish(id, entry, this.failure);
    else if (this.acked) this.start(id, entry);
    return { id, acknowledged, stop: () => this.stop(id) };
  }

  /** Closes the socket; open subscriptions end without further callbacks. */
  close(): void {
    this.closedByUs = true;
    clearTimeout(this.deadline);
    for (const entry of this.entries.values()) {
      clearTimeout(entry.timer);
      entry.state = 'done';
      entry.onComplete?.();
    }
    this.entries.clear();
    if (!this.acked) this.rejectReady(new RealtimeError([{ message: 'Real-time connection closed by the client.' }]));
    if (this.socket.readyState === OPEN || this.socket.readyState === CONNECTING) this.socket.close(1000);
  }

  private send(message: ClientMessage): void {
    const problem = validateMessage(message);
    if (problem) throw new Error(`refusing to send an invalid ${message.type} frame: ${problem}`);
    if (this.socket.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  /** One connection deadline per phase: the ack, then the ack's `connectionTimeoutMs` of silence. */
  private arm(ms: number, what: string): void {
    clearTimeout(this.deadline);
    this.deadline = unref(setTimeout(() => this.fail([{ message: `No ${what} from the server within ${ms} ms; connection closed.` }]), ms));
  }

  private receive(text: string): void {
    if (this.failure || this.closedByUs) return;
    let message: ServerMessage;
    try {
      const value: unknown = JSON.parse(text);
      const problem = validateMessage(value);
      if (problem) throw new Error(problem);
      message = value as ServerMessage;
    } catch (err) {
      this.fail([{ message: `Malformed frame from the server: ${(err as Error).message}` }]);
      return;
    }
    if (this.acked) this.arm(this.keepAliveMs, 'keep-alive');
    switch (message.type) {
      case MessageType.ConnectionAck:
        if (this.acked) return;
        this.acked = true;
        this.keepAliveMs = message.payload.connectionTimeoutMs;
        this.arm(this.keepAliveMs, 'keep-alive');
        this.resolveReady();
        for (const [id, entry] of this.entries) if (entry.state === 'queued') this.start(id, entry);
        return;
      case MessageType.ConnectionError:
        this.fail(message.payload.errors);
        return;
      case MessageType.StartAck: {
        const entry = this.entries.get(message.id);
        if (entry?.state !== 'starting') return;
        clearTimeout(entry.timer);
        entry.state = 'active';
        entry.settle();
        return;
      }
      case MessageType.Data: {
        const entry = this.entries.get(message.id);
        if (entry && (entry.state === 'active' || entry.state === 'starting')) entry.observer.next(message.payload);
        return;
      }
      case MessageType.Error:
        // An error without an id is about the connection (AppSync could not read a frame).
        if (message.id === undefined) this.fail(message.payload.errors);
        else this.finishById(message.id, message.payload.errors);
        return;
      case MessageType.Complete:
        this.finishById(message.id);
        return;
      default:
        return; // ka: the deadline was re-armed above
    }
  }

  private start(id: string, entry: Entry): void {
    entry.state = 'starting';
    const { query, variables, operationName, authorization } = entry.request;
    const data = JSON.stringify({ query, variables: variables ?? {}, ...(operationName ? { operationName } : {}) });
    entry.timer = unref(
      setTimeout(() => {
        this.send({ type: MessageType.Stop, id }); // a late start must not stay registered
        this.finish(id, entry, [{ message: `No start_ack from the server within ${this.ackTimeoutMs} ms.` }]);
      }, this.ackTimeoutMs),
    );
    this.send({ type: MessageType.Start, id, payload: { data, extensions: { authorization: authorization ?? this.options.auth } } });
  }

  private stop(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry || entry.state === 'done') return Promise.resolve();
    if (entry.state === 'queued' || entry.state === 'stopping') {
      if (entry.state === 'queued') this.finish(id, entry);
      return Promise.resolve();
    }
    clearTimeout(entry.timer);
    entry.state = 'stopping';
    this.send({ type: MessageType.Stop, id });
    return new Promise<void>((resolve) => {
      const grace = setTimeout(() => {
        this.finish(id, entry);
        resolve();
      }, STOP_GRACE_MS);
      entry.onComplete = () => {
        clearTimeout(grace);
        resolve();
      };
    });
  }

  private finishById(id: string, errors?: readonly ProtocolErrorEntry[]): void {
    const entry = this.entries.get(id);
    if (entry) this.finish(id, entry, errors);
  }

  /** Ends one subscription: errors go to `error` (and reject `acknowledged`), else `complete`. */
  private finish(id: string, entry: Entry, errors?: readonly ProtocolErrorEntry[]): void {
    if (entry.state === 'done') return;
    clearTimeout(entry.timer);
    entry.state = 'done';
    this.entries.delete(id);
    entry.settle(errors ?? [{ message: 'The subscription ended before start_ack.' }]);
    if (errors) entry.observer.error(errors);
    else entry.observer.complete?.();
    entry.onComplete?.();
  }

  /** The connection is unusable: every subscription (and `ready`) hears why, and the socket closes. */
  private fail(errors: readonly ProtocolErrorEntry[]): void {
    if (this.failure || this.closedByUs) return;
    this.failure = errors;
    clearTimeout(this.deadline);
    if (!this.acked) this.rejectReady(new RealtimeError(errors));
    for (const [id, entry] of [...this.entries]) this.finish(id, entry, errors);
    if (this.socket.readyState === OPEN || this.socket.readyState === CONNECTING) this.socket.close(1000);
  }
}
