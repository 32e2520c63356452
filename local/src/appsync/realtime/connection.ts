/**
 * One AppSync real-time connection: the protocol state machine from handshake to close.
 * It depends only on RealtimeSocket, the Authenticator and the Engine; nothing here knows `ws`.
 */
import type { AuthResult, Authenticator, IncomingAuthRequest } from '../auth/types.ts';
import type { Engine, PreparedSubscription } from '../engine/types.ts';
import { validateFilter } from './filters.ts';
import { startAuthRequest } from './handshake.ts';
import {
  Errors, MessageType, parseClientMessage, ProtocolError, stringifyServerMessage,
  type ProtocolErrorEntry, type ServerMessage, type StartMessage,
} from './protocol.ts';
import type { LiveSubscription, SubscriberSink, SubscriptionRegistry } from './registry.ts';
import { flatRequestId, keptForReauthorization, parseStartData, toEntry } from './start-request.ts';
import type { RealtimeLimits, RealtimeLogger, RealtimeSocket } from './socket.ts';

export interface ConnectionDeps {
  engine: Engine;
  authenticator: Authenticator;
  registry: SubscriptionRegistry;
  limits: RealtimeLimits;
  log: RealtimeLogger;
  graphqlPath: string;
  graphqlHost: string;
}

/**
 * A start that is being authorised and prepared. Each start gets its own marker, claimed before
 * the first `await`: a `stop` (or a new start re-using the id after that stop) replaces or deletes
 * it, and the start, on resuming, finds its marker gone and ends silently.
 */
class PendingStart {}

type AuthFailure = Extract<AuthResult, { ok: false }>;

let nextConnectionId = 1;

/**
 * Memory per idle connection is a benchmark target (≤ 3× a raw `ws` socket), so a connection
 * holds no per-instance closures: it is itself the registry's SubscriberSink, its id is a number,
 * and its subscription map is created on the first `start`.
 */
export class RealtimeConnection implements SubscriberSink {
  readonly connectionId = nextConnectionId++;
  /** Set once connection_ack was sent; the keep-alive sweep only pings acknowledged sockets. */
  acknowledged = false;
  /** Time of the last valid client message (the init timeout looks at it). */
  lastValidMessageAt: number | null = null;
  readonly openedAt = Date.now();
  private isClosed = false;
  private reauthorizing = false;
  /** Kept only for token modes, without the request id (memory per connection is a target). */
  private connectReauth: IncomingAuthRequest | undefined = undefined;
  private subsMap: Map<string, LiveSubscription | PendingStart> | null = null;

  constructor(
    private readonly socket: RealtimeSocket,
    private readonly deps: ConnectionDeps,
    /** Resolves to the connect-time authentication, or to the connection_error to send. */
    private readonly connectAuth: Promise<AuthResult | { ok: false; entry: ProtocolErrorEntry }>,
    private readonly sourceIp: string,
    /** The core's live set; the connection leaves it when the transport closes. */
    private readonly registryOfConnections?: Set<RealtimeConnection>,
    /** The handshake's credentials; reduced to `connectReauth` once authenticated. */
    private connectRequest?: IncomingAuthRequest,
  ) {}

  /** ConnectionHandle: a text frame arrived. */
  message(text: string): void {
    void this.receive(text);
  }

  /** ConnectionHandle: the transport closed. */
  closed(): void {
    this.registryOfConnections?.delete(this);
    this.closedByTransport();
  }

  get subscriptionCount(): number {
    return this.subsMap?.size ?? 0;
  }

  private get subs(): Map<string, LiveSubscription | PendingStart> {
    return (this.subsMap ??= new Map());
  }

  /** Handles one text frame. Never throws: every failure becomes an AppSync error frame. */
  async receive(text: string): Promise<void> {
    let msg;
    try {
      msg = parseClientMessage(text);
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.sendMessage({ type: MessageType.Error, ...(err.id ? { id: err.id } : {}), payload: { errors: [err.entry] } });
      } else this.deps.log.error({ err, connectionId: this.connectionId }, 'unexpected parse failure');
      return;
    }
    this.lastValidMessageAt = Date.now();
    try {
      switch (msg.type) {
        case MessageType.ConnectionInit:
          if (await this.ensureAuthenticated()) {
            this.sendMessage({ type: MessageType.ConnectionAck, payload: { connectionTimeoutMs: this.deps.limits.connectionTimeoutMs } });
            this.sendMessage({ type: MessageType.KeepAlive });
            this.acknowledged = true;
          }
          return;
        case MessageType.Start:
          return await this.start(msg);
        case MessageType.Stop:
          return this.stop(msg.id);
      }
    } catch (err) {
      this.deps.log.error({ err, connectionId: this.connectionId }, 'real-time message handling failed');
      const id = msg.type === MessageType.ConnectionInit ? undefined : msg.id;
      this.sendMessage({ type: MessageType.Error, ...(id ? { id } : {}), payload: { errors: [{ errorType: 'InternalFailure', message: 'An internal error occurred.' }] } });
    }
  }

  /** Sends connection_error and closes when the handshake did not authenticate. */
  private async ensureAuthenticated(): Promise<boolean> {
    const result = await this.connectAuth;
    if (result.ok) {
      if (this.connectRequest) this.connectReauth = keptForReauthorization(result.auth.mode, this.connectRequest);
      this.connectRequest = undefined;
      return true;
    }
    const entry = 'entry' in result ? result.entry : { errorType: result.errorType, message: result.message, errorCode: result.status };
    this.fail(entry);
    return false;
  }

  /** connection_error, then close (AppSync's reaction to a connection it will not serve). */
  fail(entry: ProtocolErrorEntry): void {
    this.deps.log.info({ connectionId: this.connectionId, error: entry }, 'real-time connection refused');
    this.sendMessage({ type: MessageType.ConnectionError, payload: { errors: [entry] } });
    this.socket.close(1000, 'connection_error');
  }

  /**
   * `start` → `start_ack` (or `error`). The id and its slot are claimed synchronously, on arrival:
   * frames are handled in order, so a `stop` right behind this start always finds the claim, and
   * after a stop nothing more is sent for the id (no `start_ack`, no `error`, no `data`).
   */
  private async start(msg: StartMessage): Promise<void> {
    const { id } = msg;
    const max = this.deps.limits.maxSubscriptionsPerConnection;
    const refusal = this.subs.has(id) ? Errors.duplicatedOperation(id) : this.subs.size >= max ? Errors.maxSubscriptions(max) : null;
    const claim = new PendingStart();
    if (!refusal) this.subs.set(id, claim);
    try {
      // The handshake's authentication decides first: a refused connection gets connection_error only.
      if (!(await this.ensureAuthenticated())) {
        this.release(id, claim);
        return;
      }
      if (refusal) return this.startError(id, [refusal]);
      if (this.subs.get(id) !== claim) return;
      const sub = await this.prepare(msg);
      if ('errors' in sub) return this.abandon(id, claim, sub.errors);
      if (this.isClosed || this.subs.get(id) !== claim) return;
      this.subs.set(id, this.deps.registry.add(id, this, sub.prepared, sub.reauth));
      this.sendMessage({ type: MessageType.StartAck, id });
    } catch (err) {
      if (this.subs.get(id) !== claim) return;
      this.deps.log.error({ err, connectionId: this.connectionId, id }, 'subscription start failed');
      this.abandon(id, claim, [{ errorType: 'InternalFailure', message: 'An internal error occurred.' }]);
    }
  }

  /** Authorises a start and runs its subscription resolver; errors are the `error` frame's entries. */
  private async prepare(msg: StartMessage): Promise<{ prepared: PreparedSubscription; reauth: IncomingAuthRequest | undefined } | { errors: ProtocolErrorEntry[] }> {
    const request = parseStartData(msg.payload.data);
    if (!request) return { errors: [Errors.badRequest('payload.data must be a JSON object with a string query')] };
    const authorization = msg.payload.extensions?.authorization;
    if (!authorization) return { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] };

    const requestId = flatRequestId();
    const authReq = startAuthRequest(authorization, msg.payload.data, this.deps.graphqlPath, this.sourceIp, request, requestId);
    const auth = await this.deps.authenticator.authenticate(authReq);
    if (!auth.ok) return { errors: [{ errorType: auth.errorType, message: auth.message }] };

    const prepared = await this.deps.engine.prepareSubscription(request, {
      auth: auth.auth,
      requestId,
      headers: authReq.headers,
      domainName: this.deps.graphqlHost,
    });
    if (!prepared.ok) return { errors: prepared.errors.map(toEntry) };
    const sub = prepared.subscription;
    for (const f of [sub.filter, sub.invalidationFilter]) {
      const problem = f ? validateFilter(f) : null;
      if (problem) return { errors: [{ message: problem, errorCode: 400 }] };
    }
    return { prepared: sub, reauth: keptForReauthorization(auth.auth.mode, authReq) };
  }

  /** Drops this start's claim unless a stop (or a newer start with the same id) replaced it. */
  private release(id: string, claim: PendingStart): boolean {
    if (this.subsMap?.get(id) !== claim) return false;
    this.subsMap.delete(id);
    return true;
  }

  private abandon(id: string, claim: PendingStart, errors: ProtocolErrorEntry[]): void {
    if (this.release(id, claim)) this.startError(id, errors);
  }

  private startError(id: string, errors: ProtocolErrorEntry[]): void {
    this.deps.log.info({ connectionId: this.connectionId, id, errors }, 'subscription start refused');
    this.sendMessage({ type: MessageType.Error, id, payload: { errors } });
  }

  /**
   * Asks the Authenticator again about the handshake's and each subscription's credentials (its
   * per-token cache bounds how stale the answer is). A subscription whose credentials are refused
   * gets an `error` frame and ends; if the handshake's are refused, every subscription gets one,
   * then `connection_error` and the socket closes. Amplify v6 closes the socket on such an error
   * and reconnects with fresh tokens where it holds some (docs/realtime.md, "Revoked credentials").
   */
  async reauthorize(): Promise<void> {
    if (this.isClosed || this.reauthorizing) return;
    this.reauthorizing = true;
    try {
      if (this.connectReauth) {
        const now = await this.deps.authenticator.authenticate({ ...this.connectReauth, requestId: flatRequestId() });
        if (!now.ok) return this.revoked(now);
      }
      for (const [id, sub] of this.subsMap ?? []) {
        if (sub instanceof PendingStart || !sub.reauth) continue;
        const now = await this.deps.authenticator.authenticate({ ...sub.reauth, requestId: flatRequestId() });
        if (now.ok || this.subsMap?.get(id) !== sub) continue;
        this.subsMap.delete(id);
        this.deps.registry.remove(sub);
        this.startError(id, [{ errorType: now.errorType, message: now.message }]);
      }
    } catch (err) {
      this.deps.log.error({ err, connectionId: this.connectionId }, 'real-time re-authorization failed');
    } finally {
      this.reauthorizing = false;
    }
  }

  /** The handshake's credentials were refused: end every subscription (pending starts silently), then the connection. */
  private revoked(result: AuthFailure): void {
    const entry = { errorType: result.errorType, message: result.message };
    for (const [id, sub] of this.subsMap ?? []) {
      if (sub instanceof PendingStart) continue;
      this.deps.registry.remove(sub);
      this.sendMessage({ type: MessageType.Error, id, payload: { errors: [entry] } });
    }
    this.subsMap = null;
    this.fail({ ...entry, errorCode: result.status });
  }

  /**
   * `stop` → `complete`, once per stop, at once: the id and its slot are free from here on,
   * whether the start was acknowledged or still being authorised or resolved (that start then ends
   * silently). An id that is not (or no longer) active also gets `complete`: the client's view
   * ("this id delivers nothing more") is then true either way.
   */
  private stop(id: string): void {
    const sub = this.subsMap?.get(id);
    this.subsMap?.delete(id);
    if (sub && !(sub instanceof PendingStart)) this.deps.registry.remove(sub);
    this.sendMessage({ type: MessageType.Complete, id });
  }

  /** SubscriberSink: a data (or invalidation `complete`) frame from the registry. */
  send(frame: string | Buffer): void {
    if (!this.isClosed) this.socket.send(frame);
  }

  /** SubscriberSink: the registry removed this subscription (invalidation). */
  forget(id: string): void {
    this.subsMap?.delete(id);
  }

  /** Sends `ka` (called by the shared keep-alive sweep). */
  keepAlive(frame: string): void {
    if (!this.isClosed) this.socket.send(frame);
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  /** The transport closed: drop every subscription of this connection. */
  closedByTransport(): void {
    this.isClosed = true;
    if (!this.subsMap) return;
    for (const sub of this.subsMap.values()) if (!(sub instanceof PendingStart)) this.deps.registry.remove(sub);
    this.subsMap = null;
  }

  sendMessage(message: ServerMessage): void {
    if (this.isClosed) return;
    this.socket.send(stringifyServerMessage(message));
  }
}
