/**
 * Browser WebSocket URL adapter for the offline stack (docs/decisions/008).
 *
 * aws-amplify v6 turns `http://localhost:20002/graphql` into `wss://localhost:20002/graphql/realtime`
 * (it has no `ws://` path). A page served from `http://localhost:5173` would then need the local
 * certificate trusted by the browser. Instead, when — and only when — the configured GraphQL
 * endpoint is `http://`, the web app installs this adapter once at startup: it wraps
 * `globalThis.WebSocket` so that exactly `wss://<that host:port><that path>/realtime…` is opened
 * as `ws://…`. Every other URL, and every https:// deployment, is untouched; Amplify itself is not
 * modified. Standalone on purpose (no imports) so `web/` can import it directly.
 *
 * Usage (web app entry, before Amplify.configure):
 *   import { installRealtimeWsAdapter } from '…/browser-ws-adapter.ts';
 *   installRealtimeWsAdapter(outputs.data.url);
 */

/** The `wss://` URL Amplify will open → the `ws://` URL to open instead, or null to leave it. */
export function rewriteRealtimeUrl(url: string, graphqlEndpoint: string): string | null {
  let endpoint: URL;
  let target: URL;
  try {
    endpoint = new URL(graphqlEndpoint);
    target = new URL(url);
  } catch {
    return null;
  }
  if (endpoint.protocol !== 'http:' || target.protocol !== 'wss:') return null;
  if (target.host !== endpoint.host) return null;
  const realtimePath = `${endpoint.pathname.replace(/\/$/, '')}/realtime`;
  if (target.pathname.replace(/\/$/, '') !== realtimePath) return null;
  target.protocol = 'ws:';
  return target.toString();
}

type WebSocketCtor = typeof WebSocket;

/**
 * Installs the adapter on `scope` (default `globalThis`) when `graphqlEndpoint` is http://.
 * Returns an uninstall function (a no-op when nothing was installed). Idempotent per endpoint.
 */
export function installRealtimeWsAdapter(
  graphqlEndpoint: string,
  scope: { WebSocket?: WebSocketCtor } = globalThis as { WebSocket?: WebSocketCtor },
): () => void {
  const Original = scope.WebSocket;
  if (!Original || !graphqlEndpoint.startsWith('http://')) return () => {};
  const marker = Symbol.for('cruddur.realtimeWsAdapter');
  if ((Original as unknown as Record<symbol, unknown>)[marker] === graphqlEndpoint) return () => {};

  // A subclass keeps `instanceof WebSocket`, the static constants and every prototype member.
  class RealtimeAdaptedWebSocket extends Original {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(rewriteRealtimeUrl(String(url), graphqlEndpoint) ?? url, protocols);
    }
  }
  Object.defineProperty(RealtimeAdaptedWebSocket, marker, { value: graphqlEndpoint });
  scope.WebSocket = RealtimeAdaptedWebSocket;
  return () => {
    if (scope.WebSocket === RealtimeAdaptedWebSocket) scope.WebSocket = Original;
  };
}
