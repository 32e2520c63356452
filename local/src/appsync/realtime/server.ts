/**
 * The `ws` adapter: accepts upgrades on `<graphql path>/realtime` of one or more HTTP(S) servers,
 * answers with the `graphql-ws` subprotocol and hands each socket to the transport-free core.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/types.ts';
import { createHostCheck, type HostCheck } from '../../host-check/host-check.ts';
import { requestErrors, JSON_CONTENT_TYPE } from '../http/responses.ts';
import type { Engine } from '../engine/types.ts';
import { createRealtimeCore, type RealtimeStats } from './core.ts';
import { graphqlPathFor, selectSubprotocol } from './handshake.ts';
import type { RealtimeLimits, RealtimeLogger, RealtimeSocket } from './socket.ts';

export interface AttachRealtimeOptions {
  /** Servers whose `upgrade` events to serve (e.g. the plain and TLS halves of the dual listener). */
  server?: HttpServer | HttpsServer | (HttpServer | HttpsServer)[];
  /** Default `/graphql/realtime`. */
  path?: string;
  engine: Engine;
  authenticator: Authenticator;
  /** Host of the GraphQL endpoint, e.g. `localhost:20002`. */
  graphqlHost: string;
  log?: RealtimeLogger;
  limits?: Partial<RealtimeLimits>;
  /** Which Host headers may upgrade (default: loopback + ALLOWED_HOSTS); others get 403. */
  hostCheck?: HostCheck;
}

/** Refuses an upgrade with the same AppSync error body the HTTP endpoint sends (responses.ts). */
function refuseHost(socket: Duplex, host: string | undefined): void {
  const error = requestErrors.forbiddenHost(host);
  const body = JSON.stringify({ errors: [{ errorType: error.errorType, message: error.message }] });
  socket.end(
    `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: ${JSON_CONTENT_TYPE}\r\nx-amzn-ErrorType: ${error.errorType}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export interface RealtimeServer {
  /** For callers that route `upgrade` themselves: true when the request was ours (and handled). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  stats(): RealtimeStats;
  /** Detaches from the servers and closes every real-time connection. */
  close(): Promise<void>;
}

/** RealtimeSocket over a `ws` socket (a class: no per-connection closures). */
class WsSocket implements RealtimeSocket {
  constructor(
    private readonly ws: WebSocket,
    private readonly maxBufferedBytes: number,
    private readonly log: RealtimeLogger | undefined,
  ) {}
  send(frame: string | Buffer): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      // A client that stopped reading: drop it instead of queueing without bound.
      this.log?.warn({ bufferedAmount: this.ws.bufferedAmount }, 'real-time client not reading: connection dropped');
      this.ws.terminate();
      return;
    }
    // Buffers carry UTF-8 text: send them as text frames, as AppSync does.
    this.ws.send(frame, { binary: false });
  }
  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }
}

/** Serves AppSync's real-time protocol at `path` on the given server(s). */
export function attachRealtime(options: AttachRealtimeOptions): RealtimeServer {
  const path = (options.path ?? '/graphql/realtime').replace(/\/$/, '');
  const core = createRealtimeCore({
    engine: options.engine,
    authenticator: options.authenticator,
    graphqlHost: options.graphqlHost,
    graphqlPath: graphqlPathFor(path),
    log: options.log,
    limits: options.limits,
  });
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: core.limits.maxInboundFrameBytes,
    handleProtocols: (protocols) => selectSubprotocol(protocols),
  });

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const handle = core.accept(new WsSocket(ws, core.limits.maxBufferedBytes, options.log), { protocols: offered, url: req.url ?? '/', sourceIp: req.socket.remoteAddress ?? '' });
    ws.on('message', (data, isBinary) => {
      handle.message(isBinary ? '' : data.toString());
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => handle.closed());
  });

  const hostCheck = options.hostCheck ?? createHostCheck();
  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const pathname = new URL(req.url ?? '/', 'http://realtime.invalid').pathname.replace(/\/$/, '');
    if (pathname !== path) return false;
    // A rebinding page may open WebSockets too (browsers apply no CORS to them): refuse before the handshake.
    if (!hostCheck(req.headers.host)) {
      refuseHost(socket, req.headers.host);
      return true;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    return true;
  };

  const servers = options.server === undefined ? [] : Array.isArray(options.server) ? options.server : [options.server];
  const listeners = servers.map((server) => {
    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // Another upgrade listener may own other paths; if we are the only one, refuse politely.
      if (!handleUpgrade(req, socket, head) && server.listenerCount('upgrade') === 1) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
    };
    server.on('upgrade', onUpgrade);
    return () => server.off('upgrade', onUpgrade);
  });

  return {
    handleUpgrade,
    stats: () => core.stats(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const off of listeners) off();
        core.close();
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}
