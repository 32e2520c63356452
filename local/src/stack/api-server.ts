/**
 * The API's one port: GraphQL over HTTP, the explorer and AppSync's real-time WebSocket, on TLS
 * and plain HTTP alike (decision 008).
 */
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AppDefinition } from '../app-definition.ts';
import type { Authenticator } from '../appsync/auth/types.ts';
import type { AppSyncEngine } from '../appsync/engine/create-engine.ts';
import { createExplorer } from '../appsync/explorer/index.ts';
import { createGraphqlHandler } from '../appsync/http/handler.ts';
import { attachRealtime, createDualServer, type RealtimeLimits } from '../appsync/realtime/index.ts';
import type { CognitoHandle } from '../cognito/index.ts';
import type { HostCheck } from '../host-check/host-check.ts';
import type { Logger } from '../observability/logger.ts';

export interface ApiServerOptions {
  app: AppDefinition;
  engine: AppSyncEngine;
  authenticator: Authenticator;
  cognito: CognitoHandle;
  logger: Logger;
  hostCheck: HostCheck;
  corsOrigins: string[];
  host: string;
  port: number;
  dataDir?: string;
  realtimeLimits?: Partial<RealtimeLimits>;
}

/** Starts listening; returns the `host:port` clients use. Shutdowns go to `closers` in start order. */
export async function startApiServer(options: ApiServerOptions, closers: (() => Promise<unknown>)[]): Promise<{ graphqlHost: string }> {
  const { app, cognito, logger } = options;
  const certDir = options.dataDir ? path.join(options.dataDir, 'tls') : await fs.mkdtemp(path.join(os.tmpdir(), 'appsync-local-tls-'));
  if (!options.dataDir) closers.push(() => fs.rm(certDir, { recursive: true, force: true }));
  const handler = createGraphqlHandler({
    engine: options.engine,
    authenticator: options.authenticator,
    logger: logger.child({ component: 'graphql' }),
    cors: { allowedOrigins: options.corsOrigins },
    hostCheck: options.hostCheck,
    explorer: createExplorer({
      graphqlUrl: '/graphql',
      cognito: { endpoint: cognito.url, clientId: cognito.clientId },
      demoUsers: app.demoUsers.map((u) => ({ email: u.email, password: u.password, label: `@${u.handle}` })),
      defaultQuery: app.explorer?.defaultQuery ?? app.explorer?.caller?.query ?? '{ __typename }',
      ...app.explorer,
    }),
  });
  const dual = await createDualServer(handler, { certDir });
  await new Promise<void>((resolve, reject) => {
    dual.server.once('error', reject);
    dual.server.listen(options.port, options.host, () => resolve());
  });
  closers.push(() => new Promise((resolve) => dual.server.close(resolve)));
  const graphqlHost = `localhost:${(dual.server.address() as AddressInfo).port}`;
  const realtime = attachRealtime({
    server: [dual.http, dual.https],
    engine: options.engine,
    authenticator: options.authenticator,
    graphqlHost,
    hostCheck: options.hostCheck,
    log: logger.child({ component: 'realtime' }),
    limits: options.realtimeLimits,
  });
  closers.push(() => realtime.close());
  return { graphqlHost };
}
