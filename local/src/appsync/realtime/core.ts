/**
 * The transport-independent real-time server: owns the subscription registry, listens to the
 * engine's mutation and invalidation events, runs ONE shared keep-alive/timeout sweep for all
 * sockets (never a timer per socket), and creates a RealtimeConnection per accepted socket.
 */
import { randomUUID } from 'node:crypto';
import type { Authenticator } from '../auth/types.ts';
import type { Engine } from '../engine/types.ts';
import { RealtimeConnection } from './connection.ts';
import { checkSubprotocols, connectAuthRequest, readHandshakeAuth, type HandshakeInfo } from './handshake.ts';
import { MessageType, stringifyServerMessage, type ProtocolErrorEntry } from './protocol.ts';
import { SubscriptionRegistry, type FanoutStats } from './registry.ts';
import { DEFAULT_LIMITS, silentLogger, type RealtimeLimits, type RealtimeLogger, type RealtimeSocket } from './socket.ts';

export interface RealtimeCoreOptions {
  engine: Engine;
  authenticator: Authenticator;
  /** Host of the GraphQL endpoint (`ctx.request.domainName`), e.g. `localhost:20002`. */
  graphqlHost: string;
  /** Path of the GraphQL endpoint; IAM handshakes are signed for `<graphqlPath>/connect`. */
  graphqlPath: string;
  log?: RealtimeLogger;
  limits?: Partial<RealtimeLimits>;
}

export interface RealtimeStats extends FanoutStats {
  connections: number;
  subscriptions: number;
}

/** What a transport calls for each accepted socket. */
export interface ConnectionHandle {
  /** A text frame arrived. */
  message(text: string): void;
  /** The transport closed. */
  closed(): void;
}

export interface RealtimeCore {
  accept(socket: RealtimeSocket, handshake: HandshakeInfo): ConnectionHandle;
  stats(): RealtimeStats;
  readonly limits: RealtimeLimits;
  /** Stops listening to the engine, stops the sweep and closes every connection (1001). */
  close(): void;
}

export function createRealtimeCore(options: RealtimeCoreOptions): RealtimeCore {
  const limits: RealtimeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? silentLogger;
  const registry = new SubscriptionRegistry(limits.maxPayloadBytes, log);
  const connections = new Set<RealtimeConnection>();
  const deps = {
    engine: options.engine,
    authenticator: options.authenticator,
    registry,
    limits,
    log,
    graphqlPath: options.graphqlPath,
    graphqlHost: options.graphqlHost,
  };

  const offMutation = options.engine.onMutation((event) => {
    try {
      registry.publish(event);
    } catch (err) {
      log.error({ err, requestId: event.requestId }, 'subscription fan-out failed');
    }
  });
  const offInvalidation = options.engine.onInvalidation((event) => {
    try {
      registry.invalidate(event);
    } catch (err) {
      log.error({ err }, 'subscription invalidation failed');
    }
  });

  const kaFrame = stringifyServerMessage({ type: MessageType.KeepAlive });
  const sweepEvery = Math.min(limits.keepAliveIntervalMs, limits.initTimeoutMs);
  let lastKa = Date.now();
  const sweep = setInterval(() => {
    const now = Date.now();
    const sendKa = now - lastKa >= limits.keepAliveIntervalMs - 5;
    if (sendKa) lastKa = now;
    for (const c of connections) {
      if (c.lastValidMessageAt === null && now - c.openedAt >= limits.initTimeoutMs) {
        log.info({ connectionId: c.connectionId }, 'closing a connection that sent no message in time');
        c.close(1000, 'connection timeout');
      } else if (sendKa && c.acknowledged) c.keepAlive(kaFrame);
    }
  }, sweepEvery);
  sweep.unref();

  // Credentials can be revoked while a socket is open: ask again, through the Authenticator's
  // cache, so a revoked token is refused within its TTL plus this interval.
  const reauthorizeSweep =
    limits.reauthorizeIntervalMs > 0
      ? setInterval(() => {
          for (const c of connections) void c.reauthorize();
        }, limits.reauthorizeIntervalMs)
      : undefined;
  reauthorizeSweep?.unref();

  return {
    limits,
    accept(socket, handshake) {
      const protocolError = checkSubprotocols(handshake.protocols);
      const auth = readHandshakeAuth(handshake);
      const connectRequest = auth.ok ? connectAuthRequest(auth, options.graphqlPath, handshake.sourceIp, randomUUID()) : undefined;
      const connectAuth = protocolError
        ? Promise.resolve({ ok: false as const, entry: protocolError })
        : !connectRequest
          ? Promise.resolve({ ok: false as const, entry: (auth as { error: ProtocolErrorEntry }).error })
          : options.authenticator
              .authenticate(connectRequest)
              .catch((err: unknown) => {
                log.error({ err }, 'handshake authentication failed');
                return { ok: false as const, entry: { errorType: 'InternalFailure', message: 'An internal error occurred.', errorCode: 500 } };
              });
      const conn = new RealtimeConnection(socket, deps, connectAuth, handshake.sourceIp, connections, connectRequest);
      connections.add(conn);
      // Without graphql-ws the client may not even speak this protocol: tell it and hang up now.
      if (protocolError) conn.fail(protocolError);
      return conn;
    },
    stats() {
      return { ...registry.counters, connections: connections.size, subscriptions: registry.size };
    },
    close() {
      offMutation();
      offInvalidation();
      clearInterval(sweep);
      clearInterval(reauthorizeSweep);
      for (const c of connections) c.close(1001, 'server shutting down');
    },
  };
}
