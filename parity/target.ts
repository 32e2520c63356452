/**
 * The parity scenarios' view of their target: the amplify_outputs.json chosen by global-setup.ts,
 * handed to the real aws-amplify v6 client exactly as the web app hands it over
 * (web/src/config), plus the Node pieces a browser would have (a WebSocket).
 */
import fs from 'node:fs';
import { inject } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { installRealtimeWsAdapter } from '../local/src/appsync/realtime/browser-ws-adapter.ts';
import { configureAmplify } from '../web/src/config/configure-amplify.ts';
import { validateOutputs, type AppConfig } from '../web/src/config/outputs.ts';

export interface Target {
  file: string;
  config: AppConfig;
  /** True when the outputs name a local user-pool endpoint, i.e. the offline stack. */
  offline: boolean;
}

let current: Target | undefined;

/** Reads the outputs file and configures Amplify from it (once per test file). */
export function connectTarget(): Target {
  if (current) return current;
  const file = inject('parityOutputsFile');
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const result = validateOutputs(raw);
  if (!result.ok) throw new Error(`${file} is not usable: ${result.errors.join('; ')}`);
  configureAmplify(raw, result.config);
  // Node 20 has no WebSocket global; Amplify's real-time client expects the browser's.
  const scope = globalThis as { WebSocket?: unknown };
  scope.WebSocket ??= WsWebSocket;
  // Offline the endpoint is http:// and real-time is ws:// on the same port; a no-op for AWS.
  installRealtimeWsAdapter(result.config.graphqlUrl, scope as never);
  current = { file, config: result.config, offline: result.config.cognitoEndpoint !== undefined };
  return current;
}
