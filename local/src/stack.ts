/**
 * The composition root of the offline stack: DynamoDB (with streams and TTL) → data sources →
 * engine ← authenticator; the GraphQL HTTP endpoint, explorer and real-time server share one
 * port (TLS and plain HTTP); the local Cognito runs beside it. Every part is built elsewhere;
 * this file only wires them, in the order their dependencies require.
 */
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { api } from '../../definitions/api.ts';
import { dataSources as dataSourceDefinitions } from '../../definitions/data-sources.ts';
import { database as databaseDefinition } from '../../definitions/database.ts';
import { functions } from '../../definitions/functions.ts';
import { demoUsers } from '../../definitions/demo-users.ts';
import { discoverResolvers } from '../../definitions/resolvers.ts';
import { streamConsumers } from '../../definitions/stream-consumers.ts';
import { userPool } from '../../definitions/user-pool.ts';
import { createAuthenticator } from './appsync/auth/index.ts';
import type { AuthProviderConfig } from './appsync/auth/index.ts';
import type { AuthMode, Authenticator } from './appsync/auth/types.ts';
import { createDynamoDbDataSource } from './appsync/datasources/dynamodb/index.ts';
import { createLambdaDataSource } from './appsync/datasources/lambda.ts';
import { createNoneDataSource } from './appsync/datasources/none.ts';
import { createRdsDataSource } from './appsync/datasources/rds/index.ts';
import type { DataSource } from './appsync/datasources/types.ts';
import { createEngine, type AppSyncEngine } from './appsync/engine/create-engine.ts';
import { createExplorer } from './appsync/explorer/index.ts';
import { createGraphqlHandler } from './appsync/http/handler.ts';
import { DEFAULT_ALLOWED_ORIGINS } from './appsync/http/cors.ts';
import { attachRealtime, createDualServer, type RealtimeLimits } from './appsync/realtime/index.ts';
import { seedDemoUsers } from './cognito/seed.ts';
import { createSeedApi } from './seed/api.ts';
import { seedDemoData } from './seed/demo-data.ts';
import { backfillInsights } from './seed/insights-backfill.ts';
import { startCognito, type CognitoHandle } from './cognito/index.ts';
import { startDataApi, type DataApiHandle } from './data-api/index.ts';
import { openDatabase, type Database } from './database/index.ts';
import { startDynamo, startEventSourceMappings, type DynamoStack } from './dynamodb/index.ts';
import { startStorage, type StorageHandle } from './storage/index.ts';
import { allowedHostsFromEnv, createHostCheck, withBindAddress, type AllowedHosts } from './host-check/host-check.ts';
import { loadLocalCredential } from './iam/local-credential.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { startTracing, tracedDataSource } from './observability/tracing.ts';
import { buildOutputs, type AmplifyOutputs } from './outputs/amplify-outputs.ts';
import { invokeHandler, repoRoot } from './lambda/invoke.ts';
import { FunctionEnvironments } from './stack-env.ts';

export interface StackOptions {
  /** Root of persistent data (`.cruddur`); everything in memory when undefined. */
  dataDir?: string;
  /** 0 = ephemeral. Defaults: all ephemeral. */
  ports: { graphql?: number; cognito?: number; storage?: number; database?: number };
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Sign up the demo users through the public Cognito path. */
  seed?: boolean;
  /** Also write the demo content (follows, cruds, likes, replies, a conversation) as those users. */
  demoData?: boolean;
  /** A logger, or `silent`, or a level. */
  log?: Logger | string;
  /** Browser origins allowed to call the API (default: the web app, http://localhost:5173). */
  corsOrigins?: string[];
  /** Host headers served beside loopback ones (default: the ALLOWED_HOSTS environment variable). */
  allowedHosts?: AllowedHosts;
  /** A real Postgres for Insights instead of the embedded one (default: the DATABASE_URL environment variable). */
  databaseUrl?: string;
  /** Real-time limits and timers (default AppSync's; tests shorten the re-authorization sweep). */
  realtimeLimits?: Partial<RealtimeLimits>;
  /** TTL sweep interval (default 60 s; 0 = only on `dynamo.ttl.sweepNow()`): benchmarks keep sweeps out of their timings. */
  ttlIntervalMs?: number;
  /** AppSync's server-side cache as deployed (`api.cache`); false runs without one (benchmarks' baseline). */
  apiCache?: boolean;
}


export interface Stack {
  urls: { graphql: string; realtime: string; explorer: string; cognito?: string; storage?: string; database?: string };
  engine: AppSyncEngine;
  dynamo: DynamoStack;
  cognito: CognitoHandle;
  /** The offline S3 (avatar uploads and assets). */
  storage: StorageHandle;
  /** Postgres (PGlite under the data dir, or DATABASE_URL) and the Data API endpoint in front of it. */
  database: { db: Database; dataApi: DataApiHandle };
  authenticator: Authenticator;
  /** The credential IAM-signed callers (stream consumers, scripts) use offline: random per data dir, never printed. */
  iamCredential: { accessKeyId: string; secretAccessKey: string };
  /** What `amplify_outputs.json` should contain for this stack. */
  outputs: AmplifyOutputs;
  /** The environment each Lambda function is invoked with (scripts and tests run handlers in it with withFunctionEnv). */
  functionEnv: FunctionEnvironments;
  logger: Logger;
  close(): Promise<void>;
}


function dataSourcesFor(dynamo: DynamoStack, dataApi: DataApiHandle, env: FunctionEnvironments): Record<string, DataSource> {
  const out: Record<string, DataSource> = {};
  for (const d of dataSourceDefinitions) {
    const source =
      d.type === 'AMAZON_DYNAMODB'
        ? createDynamoDbDataSource({ name: d.name, client: dynamo.client, inProcess: dynamo.inProcess, tableName: dynamo.tableName })
        : d.type === 'NONE'
          ? createNoneDataSource(d.name)
          : d.type === 'RELATIONAL_DATABASE'
            ? createRdsDataSource({ name: d.name, api: dataApi.api, resourceArn: dataApi.resourceArn, secretArn: dataApi.secretArn, database: d.database })
            : createLambdaDataSource({ name: d.name, handler: d.handler, env: () => env.handledBy(d.handler) });
    out[d.name] = tracedDataSource(source);
  }
  return out;
}

/** Starts the whole offline backend; `close()` stops it and loses no acknowledged write. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const logger = typeof options.log === 'object' ? options.log : createLogger({ level: options.log });
  const host = options.host ?? '127.0.0.1';
  // One Host allowlist for every endpoint (DNS rebinding; host-check/host-check.ts).
  const hostCheck = createHostCheck(withBindAddress(options.allowedHosts ?? allowedHostsFromEnv(), host));
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch((err: unknown) => logger.error({ err }, 'close failed'));
  };
  try {
    // Spans are exported only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    const tracing = startTracing();
    if (tracing) closers.push(() => tracing.shutdown());
    const dynamo = await startDynamo({ dataDir: options.dataDir, hostCheck, ttlIntervalMs: options.ttlIntervalMs });
    closers.push(() => dynamo.close());
    const region = dynamo.region;
    // The only key the local AppSync (AWS_IAM) and S3 accept: random per data dir, never the
    // developer's AWS_* environment (iam/local-credential.ts). Never logged.
    const iamCredential = await loadLocalCredential(options.dataDir);
    // Offline S3: uploads notify the thumbnail Lambda; assets are served at <endpoint>/<bucket>/<key>.
    const env = new FunctionEnvironments();
    const storage = await startStorage({
      port: options.ports.storage ?? 0,
      host,
      dataDir: options.dataDir,
      region,
      credentials: [iamCredential],
      corsOrigins: options.corsOrigins ?? DEFAULT_ALLOWED_ORIGINS,
      functionEnv: (name) => env.named(name),
      hostCheck,
      log: (obj, msg) => logger.child({ component: 'storage' }).info(obj, msg),
    });
    closers.push(() => storage.close());
    // Postgres for Insights, reached only through the Data API (decision 022): Lambdas over HTTP
    // (AWS_ENDPOINT_URL_RDS_DATA), the RDS data source in process. Closed after the endpoint.
    const db = await openDatabase({ dataDir: options.dataDir, url: options.databaseUrl });
    closers.push(() => db.close());
    const dataApi = await startDataApi({
      db,
      databaseName: databaseDefinition.name,
      region,
      credentials: [iamCredential],
      port: options.ports.database ?? 0,
      host,
      hostCheck,
      log: (obj, msg) => logger.child({ component: 'data-api' }).debug(obj, msg),
    });
    closers.push(() => dataApi.close());
    // Each function's declared variables (definitions/functions.ts), valued from this stack.
    env.provide({
      tableName: dynamo.tableName,
      uploadsBucket: storage.bucketNames.UploadsBucket,
      assetsBucket: storage.bucketNames.AssetsBucket,
      assetsBaseUrl: storage.publicBaseUrl('AssetsBucket'),
      databaseClusterArn: dataApi.resourceArn,
      databaseSecretArn: dataApi.secretArn,
      databaseName: databaseDefinition.name,
      schemaPath: path.join(repoRoot, 'schema.graphql'),
    });
    // What Lambda provides in AWS; IAM-signing handlers pick the key up through the default chain.
    env.provideRuntime({
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: iamCredential.accessKeyId,
      AWS_SECRET_ACCESS_KEY: iamCredential.secretAccessKey,
      AWS_ENDPOINT_URL_S3: storage.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_RDS_DATA: dataApi.endpoint,
    });
    // The schema before anything is served, by the handler AWS runs as a custom resource on deploy.
    const migrated = (await invokeHandler(functions.databaseMigrate.handler, undefined, { functionName: functions.databaseMigrate.name, timeoutMs: functions.databaseMigrate.timeoutSeconds * 1000, env: env.of(functions.databaseMigrate) })) as { Data: { Applied: string; Version: string } };
    // Every migration applied just now: a new Postgres, perhaps beside a table written before
    // Insights existed. Fill it from the table once (on a fresh data dir the table is empty).
    if (Number(migrated.Data.Applied) > 0 && migrated.Data.Applied === migrated.Data.Version) {
      const filled = await backfillInsights({ dynamo, dataApi, credential: iamCredential });
      if (filled.applied) logger.info({ component: 'data-api', ...filled }, 'Insights filled from the table');
    }

    const cognito = await startCognito({
      port: options.ports.cognito ?? 0,
      host,
      dataDir: options.dataDir,
      triggers: userPool.triggers,
      env: (trigger) => env.handledBy(userPool.triggers[trigger]),
      log: logger.child({ component: 'cognito' }),
      hostCheck,
      // The outbox box is for a person at a terminal; a silent stack (tests) reads codes from the outbox.
      ...(options.log === 'silent' ? { print: false as const } : {}),
    });
    closers.push(() => cognito.close());
    env.provide({ userPoolId: cognito.userPoolId, userPoolClientId: cognito.clientId });
    // The authorizer verifies tokens of the local pool and checks sessions with it (Cognito GetUser,
    // through the SDK's standard endpoint override); in AWS these are the regional defaults.
    env.provideRuntime({ COGNITO_ISSUER: cognito.issuer, COGNITO_JWKS_URI: cognito.jwksUri, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.url });

    // One provider per mode in definitions/api.ts (the same list infra/ deploys), default first.
    const providers: Partial<Record<AuthMode, AuthProviderConfig>> = {
      AWS_LAMBDA: { mode: 'AWS_LAMBDA', lambda: { handler: api.authorizer.handler, functionName: 'authorizer', authorizerResultTtlInSeconds: api.authorizer.resultTtlSeconds, env: () => env.handledBy(api.authorizer.handler) } },
      AWS_IAM: { mode: 'AWS_IAM', credentials: [{ ...iamCredential, accountId: '000000000000' }] },
      AMAZON_COGNITO_USER_POOLS: { mode: 'AMAZON_COGNITO_USER_POOLS', userPool: { userPoolId: cognito.userPoolId, issuer: cognito.issuer, jwksUri: cognito.jwksUri, appIdClientRegex: cognito.clientId } },
    };
    const authenticator = createAuthenticator({
      region,
      providers: [api.defaultAuthMode, ...api.additionalAuthModes].map((mode) => {
        const provider = providers[mode];
        if (!provider) throw new Error(`definitions/api.ts: the offline stack does not serve ${mode}`);
        return provider;
      }),
    });

    const engineLog = logger.child({ component: 'engine' });
    const engine = await createEngine({
      schemaSource: await fs.readFile(path.join(repoRoot, 'schema.graphql'), 'utf8'),
      resolvers: discoverResolvers(),
      dataSources: dataSourcesFor(dynamo, dataApi, env),
      defaultAuthMode: authenticator.defaultMode,
      additionalAuthModes: authenticator.modes.slice(1),
      // AppSync API environment variables (`ctx.env`): resolvers name the table in batch and
      // transaction requests by its physical name.
      env: { TABLE_NAME: dynamo.tableName },
      // Resolver console.log lines arrive here as `{requestId, field}` + the line.
      log: engineLog,
      // The API's cost settings, as deployed (definitions/api.ts).
      limits: { ...api.limits },
      // The API cache as deployed; which resolvers it answers is in definitions/caching.ts.
      cache: options.apiCache === false ? undefined : { behavior: api.cache.behavior },
    });

    const mappings = startEventSourceMappings(dynamo, streamConsumers, { env: (name) => env.named(name), log: (obj) => logger.info({ component: 'streams', ...obj }) });
    closers.push(() => mappings.close());

    const certDir = options.dataDir ? path.join(options.dataDir, 'tls') : await fs.mkdtemp(path.join(os.tmpdir(), 'cruddur-tls-'));
    if (!options.dataDir) closers.push(() => fs.rm(certDir, { recursive: true, force: true }));
    const handler = createGraphqlHandler({
      engine,
      authenticator,
      logger: logger.child({ component: 'graphql' }),
      cors: { allowedOrigins: options.corsOrigins ?? DEFAULT_ALLOWED_ORIGINS },
      hostCheck,
      explorer: createExplorer({ graphqlUrl: '/graphql', cognito: { endpoint: cognito.url, clientId: cognito.clientId }, demoUsers, defaultQuery: '{ __typename }' }),
    });
    const dual = await createDualServer(handler, { certDir });
    await new Promise<void>((resolve, reject) => {
      dual.server.once('error', reject);
      dual.server.listen(options.ports.graphql ?? 0, host, () => resolve());
    });
    closers.push(() => new Promise((resolve) => dual.server.close(resolve)));
    const port = (dual.server.address() as AddressInfo).port;
    const graphqlHost = `localhost:${port}`;
    // The `live` stream consumer signs its publish mutations for this endpoint (lambdas/publish).
    env.provide({ graphqlUrl: `http://${graphqlHost}/graphql` });
    const realtime = attachRealtime({ server: [dual.http, dual.https], engine, authenticator, graphqlHost, hostCheck, log: logger.child({ component: 'realtime' }), limits: options.realtimeLimits });
    closers.push(() => realtime.close());

    // Through the public paths: Cognito sign-up (triggers write the profiles), then the GraphQL
    // API as each demo user (fan-out, notifications and counters run as for anyone). Runs once.
    if (options.seed || options.demoData) await seedDemoUsers(cognito);
    if (options.demoData) {
      await seedDemoData(createSeedApi({ graphqlUrl: `http://${graphqlHost}/graphql`, cognitoUrl: cognito.url, clientId: cognito.clientId, users: demoUsers }));
      await dynamo.streams.idle();
    }

    const urls = {
      graphql: `http://${graphqlHost}/graphql`,
      realtime: `wss://${graphqlHost}/graphql/realtime`,
      explorer: `http://${graphqlHost}/`,
      cognito: cognito.url,
      storage: storage.endpoint,
      database: dataApi.endpoint,
    };
    const outputs = buildOutputs({
      region,
      graphqlUrl: urls.graphql,
      realtimeUrl: urls.realtime,
      definitions: { api, userPool },
      cognito: { endpoint: cognito.url, userPoolId: cognito.userPoolId, userPoolClientId: cognito.clientId },
      storage: { endpoint: storage.endpoint, bucketName: storage.bucketNames.UploadsBucket },
    });
    return { urls, engine, dynamo, cognito, storage, database: { db, dataApi }, authenticator, iamCredential, outputs, functionEnv: env, logger, close };
  } catch (err) {
    await close();
    throw err;
  }
}
