/**
 * TLS and plain HTTP on ONE port. aws-amplify v6 always derives `wss://<host:port>/graphql/realtime`
 * from the GraphQL endpoint, even an `http://` one (appsync.md §6.1), so the engine's port must
 * also speak TLS. A net.Server peeks at the first byte of each connection: 0x16 is a TLS
 * handshake record (ClientHello), anything else is plain HTTP. See docs/decisions/008.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { ensureCertificate, type CertificateFiles } from './certificate.ts';

/** TLS record content type "handshake" (RFC 8446 §5.1): the first byte of every ClientHello. */
const TLS_HANDSHAKE = 0x16;

export interface DualServerOptions {
  /** Where the generated certificate lives (created on first start). Ignored with `tls`. */
  certDir?: string;
  /** A configured certificate instead of the generated one (PEM strings). */
  tls?: { cert: string; key: string };
  /** Extra host names/IPs for the generated certificate (localhost, 127.0.0.1, ::1 always). */
  hosts?: string[];
}

export interface DualServer {
  /** The listener: call `listen(port)` on it. */
  server: net.Server;
  /** Receives plain connections: attach 'request' and 'upgrade' handlers here… */
  http: http.Server;
  /** …and here for TLS connections (the same handler serves both). */
  https: https.Server;
  /** The certificate in use (PEM) and, when generated, its file paths. */
  certificate: { cert: string; key: string; files?: CertificateFiles };
}

/**
 * Creates the dual-protocol listener. `handler` serves requests on both halves; attach the
 * real-time server to `[dual.http, dual.https]` for `ws://` and `wss://` on the same port.
 */
export async function createDualServer(handler: http.RequestListener | undefined, options: DualServerOptions): Promise<DualServer> {
  let certificate: DualServer['certificate'];
  if (options.tls) certificate = { ...options.tls };
  else {
    if (!options.certDir) throw new Error('createDualServer needs certDir or tls');
    const files = await ensureCertificate(options.certDir, options.hosts);
    certificate = { cert: files.cert, key: files.key, files };
  }
  const plain = http.createServer(handler);
  const secure = https.createServer({ cert: certificate.cert, key: certificate.key }, handler);
  const server = net.createServer((socket) => {
    socket.once('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === TLS_HANDSHAKE ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  // Closing the listener must also end keep-alive connections handed to the halves.
  server.on('close', () => {
    plain.closeAllConnections();
    secure.closeAllConnections();
  });
  return { server, http: plain, https: secure, certificate };
}
