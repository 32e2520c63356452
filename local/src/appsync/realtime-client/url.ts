/**
 * Where and how a client reaches AppSync's real-time endpoint: the URL derived from the GraphQL
 * endpoint, and the auth header JSON carried in the `header-` subprotocol (Amplify v6's way; AWS
 * AppSync Developer Guide, "Building a real-time WebSocket client": handshake and `start` both
 * carry the same authorization JSON).
 */

/** The auth header JSON, e.g. `{Authorization, host}` (Lambda / Cognito modes) or `{'x-api-key', host}`. */
export type RealtimeAuthHeader = Record<string, string>;

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

/** The auth JSON AppSync expects for a token or API key sent to `graphqlUrl`. */
export function authHeaderFor(graphqlUrl: string, credential: { Authorization: string } | { 'x-api-key': string }): RealtimeAuthHeader {
  return { ...credential, host: new URL(graphqlUrl).host };
}
