/**
 * Reading authentication from an AppSync real-time handshake and from `start` messages, and
 * turning it into the IncomingAuthRequest the shared Authenticator verifies (the same one the
 * HTTP endpoint uses, so every auth mode behaves identically on both).
 *
 * Two handshake styles (appsync.md §6.2):
 *  1. subprotocols `graphql-ws`, `header-<base64url(JSON) without padding>` (Amplify v6);
 *  2. `?header=<base64(JSON)>&payload=e30=` with subprotocol `graphql-ws`.
 * IAM headers are SigV4-signed for POST `<graphql endpoint>/connect` over the body `{}` at connect
 * time, and for POST `<graphql endpoint>` over `payload.data` in each `start`
 * (Amplify's `awsRealTimeHeaderBasedAuth`: canonicalUri `/connect`, then ``).
 */
import type { IncomingAuthRequest } from '../auth/types.ts';
import { Errors, HEADER_SUBPROTOCOL_PREFIX, SUBPROTOCOL, type ProtocolErrorEntry } from './protocol.ts';

export interface HandshakeInfo {
  /** Subprotocols offered by the client, in order. */
  protocols: string[];
  /** Request URL (path + query) of the upgrade request. */
  url: string;
  sourceIp: string;
}

export type HandshakeAuth =
  | { ok: true; headers: Record<string, string>; body: string }
  | { ok: false; error: ProtocolErrorEntry };

/** Decodes base64 or base64url (padding optional) into a JSON object; null if it is not one. */
export function decodeHeaderJson(encoded: string): Record<string, unknown> | null {
  try {
    const text = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Header JSON → lower-cased string headers (non-string values are dropped, as HTTP would). */
export function lowerCaseHeaders(json: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(json)) {
    if (typeof v === 'string') out[k.toLowerCase()] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k.toLowerCase()] = String(v);
  }
  return out;
}

/**
 * The subprotocol the server answers with: `graphql-ws` when offered, otherwise none (the
 * connection then gets NoProtocolError / SubProtocolNotSupportedError and is closed).
 */
export function selectSubprotocol(protocols: Iterable<string>): string | false {
  for (const p of protocols) if (p === SUBPROTOCOL) return SUBPROTOCOL;
  return false;
}

/** Checks the subprotocols; returns the connection_error to send, or null when acceptable. */
export function checkSubprotocols(protocols: string[]): ProtocolErrorEntry | null {
  if (protocols.length === 0) return Errors.noProtocol();
  return protocols.includes(SUBPROTOCOL) ? null : Errors.subProtocolNotSupported();
}

/** Extracts the connect-time auth headers and signed body from either handshake style. */
export function readHandshakeAuth(info: HandshakeInfo): HandshakeAuth {
  const fromProtocol = info.protocols.find((p) => p.startsWith(HEADER_SUBPROTOCOL_PREFIX));
  const query = new URL(info.url, 'http://realtime.invalid').searchParams;
  const encoded = fromProtocol ? fromProtocol.slice(HEADER_SUBPROTOCOL_PREFIX.length) : query.get('header');
  if (encoded === null || encoded === '') return { ok: true, headers: {}, body: '{}' };
  const json = decodeHeaderJson(encoded);
  if (!json) return { ok: false, error: Errors.badRequest('Unable to decode the authorization header') };
  let body = '{}';
  const payload = fromProtocol ? null : query.get('payload');
  if (payload) {
    try {
      body = Buffer.from(payload, 'base64').toString('utf8');
    } catch {
      return { ok: false, error: Errors.badRequest('Unable to decode the payload') };
    }
  }
  return { ok: true, headers: lowerCaseHeaders(json), body };
}

/** The path IAM signatures cover: `<graphql path>/connect` for the handshake. */
export function graphqlPathFor(realtimePath: string): string {
  return realtimePath.replace(/\/realtime\/?$/, '') || '/graphql';
}

export function connectAuthRequest(
  auth: { headers: Record<string, string>; body: string },
  graphqlPath: string,
  sourceIp: string,
  requestId?: string,
): IncomingAuthRequest {
  return { headers: auth.headers, method: 'POST', path: `${graphqlPath}/connect`, body: auth.body, sourceIp, requestId };
}

export function startAuthRequest(
  authorization: Record<string, unknown>,
  data: string,
  graphqlPath: string,
  sourceIp: string,
  request: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  requestId?: string,
): IncomingAuthRequest {
  return {
    headers: lowerCaseHeaders(authorization),
    method: 'POST',
    path: graphqlPath,
    body: data,
    sourceIp,
    query: request.query,
    operationName: request.operationName ?? undefined,
    variables: request.variables ?? undefined,
    requestId,
  };
}
