/**
 * The composition root of the offline stack: DynamoDB (with streams and TTL) → data sources →
 * engine ← authenticator; the GraphQL HTTP endpoint, explorer and real-time server share one
 * port (TLS and plain HTTP); the local Cognito, storage and the Data API run beside it. Every part
 * is built elsewhere and knows nothing of the app: this file hands each its slice of the
 * `AppDefinition`, in the order their dependencies require.
 */
import type { AppDefinition } from './app-definition.ts';
import { DEFAULT_ALLOWED_ORIGINS } from './appsync/http/cors.ts';
import { createEngine } from './appsync/engine/create-engine.ts';
import { seedDemoUsers } from './cognito/seed.ts';
import { startCognito } from './cognito/index.ts';
import { startDynamo, startEventSourceMappings } from './dynamodb/index.ts';
import { startStorage } from './storage/index.ts';
import { allowedHostsFromEnv, createHostCheck, withBindAddress } from './host-check/host-check.ts';
import { loadLocalCredential } from './iam/local-credential.ts';
import { createLogger } from './observability/logger.ts';
import { startTracing } from './observability/tracing.ts';
import { buildOutputs } from './outputs/amplify-outputs.ts';
import { startApiServer } from './stack/api-server.ts';
import { authenticatorFor } from './stack/authenticator.ts';
import { createDataSources } from './stack/data-sources.ts';
import { migrateDatabase, startDatabase } from './stack/database.ts';
import { FunctionEnvironments } from './stack/function-environment.ts';
import type { Stack, StackOptions } from './stack/types.ts';

export type { Stack, StackOptions } from './stack/types.ts';
export type { AppDefinition } from './app-definition.ts';

/** Cruddur's definition, loaded only when no other app is given. */
async function defaultApp(): Promise<AppDefinition> {
  return (await import('./app/cruddur.ts')).cruddur;
}

/** Starts the whole offline backend for `options.app`; `close()` stops it and loses no acknowledged write. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const app = options.app ?? (await defaultApp());
  const logger = typeof options.log === 'object' ? options.log : createLogger({ level: options.log });
  const host = options.host ?? '127.0.0.1';
  const corsOrigins = options.corsOrigins ?? DEFAULT_ALLOWED_ORIGINS;
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
    // The physical name: `<app>-local` (Cruddur's data dirs hold `cruddur-local`).
    const tableName = `${app.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-local`;
    const dynamo = await startDynamo({ table: app.table, tableName, dataDir: options.dataDir, hostCheck, ttlIntervalMs: options.ttlIntervalMs });
    closers.push(() => dynamo.close());
    const region = dynamo.region;
    // The only key the local AppSync (AWS_IAM), S3, the Data API and Cognito's Admin actions accept: random per data dir, never the
    // developer's AWS_* environment (iam/local-credential.ts). Never logged.
    const iamCredential = await loadLocalCredential(options.dataDir);
    // Offline S3: uploads notify the buckets' Lambdas; objects are served at <endpoint>/<bucket>/<key>.
    // Each invocation reads its function's environment from here when it starts.
    const env = new FunctionEnvironments(app, { variables: options.functionVariables, logLevel: options.functionLogLevel ?? process.env.LAMBDA_LOG_LEVEL });
    const storage = await startStorage({
      buckets: app.buckets,
      publicCacheControl: app.publicCacheControl,
      port: options.ports.storage ?? 0,
      host,
      dataDir: options.dataDir,
      region,
      credentials: [iamCredential],
      corsOrigins,
      functionEnv: (name) => env.named(name),
      hostCheck,
      log: (obj, msg) => logger.child({ component: 'storage' }).info(obj, msg),
    });
    closers.push(() => storage.close());
    const { db, dataApi } = await startDatabase(
      app,
      { dataDir: options.dataDir, url: options.databaseUrl, region, credential: iamCredential, port: options.ports.database ?? 0, host, hostCheck, log: (obj, msg) => logger.child({ component: 'data-api' }).debug(obj, msg) },
      closers,
    );
    env.provide({ region, tableName: dynamo.tableName, dynamoEndpoint: dynamo.endpoint, storage, dataApi, credential: iamCredential });
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
    await migrateDatabase(app, env, { dynamo, dataApi, credential: iamCredential, log: (obj, msg) => logger.info({ component: 'data-api', ...obj }, msg) });

    const cognito = await startCognito({
      definition: app.userPool,
      port: options.ports.cognito ?? 0,
      host,
      dataDir: options.dataDir,
      triggers: app.userPool.triggers,
      env: (trigger) => env.handledBy(app.userPool.triggers[trigger]!),
      log: logger.child({ component: 'cognito' }),
      hostCheck,
      iamCredential,
      // The outbox box is for a person at a terminal; a silent stack (tests) reads codes from the outbox.
      ...(options.log === 'silent' ? { print: false as const } : {}),
    });
    closers.push(() => cognito.close());
    env.provide({ userPool: { userPoolId: cognito.userPoolId, clientId: cognito.clientId } });
    // The authorizer verifies tokens of the local pool and checks sessions with it (Cognito GetUser,
    // through the SDK's standard endpoint override); in AWS these are the regional defaults.
    env.provideRuntime({ COGNITO_ISSUER: cognito.issuer, COGNITO_JWKS_URI: cognito.jwksUri, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.url });

    const authenticator = authenticatorFor(app.api, region, cognito, iamCredential, (handler) => env.handledBy(handler));
    const engine = await createEngine({
      schemaSource: app.schema,
      resolvers: app.resolvers,
      loadCode: app.bundleResolver,
      dataSources: createDataSources(app.dataSources, dynamo, dataApi, app.table.logicalName, (handler) => env.handledBy(handler)),
      defaultAuthMode: authenticator.defaultMode,
      additionalAuthModes: authenticator.modes.slice(1),
      // AppSync API environment variables (`ctx.env`): resolvers name the table in batch and
      // transaction requests by its physical name.
      env: { TABLE_NAME: dynamo.tableName },
      // Resolver console.log lines arrive here as `{requestId, field}` + the line.
      log: logger.child({ component: 'engine' }),
      limits: { ...app.api.limits },
      // Which resolvers the cache answers is in each resolver's wiring (`caching`).
      cache: options.apiCache === false ? undefined : { behavior: app.api.cache.behavior },
    });

    const mappings = startEventSourceMappings(dynamo, app.streamConsumers, { env: (name) => env.named(name), log: (obj) => logger.info({ component: 'streams', ...obj }) });
    closers.push(() => mappings.close());

    const { graphqlHost } = await startApiServer(
      { app, engine, authenticator, cognito, logger, hostCheck, corsOrigins, host, port: options.ports.graphql ?? 0, dataDir: options.dataDir, realtimeLimits: options.realtimeLimits },
      closers,
    );
    // Functions that call the API (the IAM-signed publish mutations) are told where it listens.
    env.provide({ graphqlUrl: `http://${graphqlHost}/graphql` });
    const urls = {
      graphql: `http://${graphqlHost}/graphql`,
      realtime: `wss://${graphqlHost}/graphql/realtime`,
      explorer: `http://${graphqlHost}/`,
      cognito: cognito.url,
      storage: storage.endpoint,
      database: dataApi.endpoint,
    };

    // Through the public paths: Cognito sign-up (triggers run), then the app's seed through the
    // GraphQL API as each demo user (stream consumers run as for anyone). Runs once.
    if (options.seed || options.demoData) await seedDemoUsers(cognito, app.demoUsers);
    if (options.demoData && app.seed) {
      await app.seed({ graphqlUrl: urls.graphql, cognito: { url: cognito.url, clientId: cognito.clientId }, users: app.demoUsers });
      await dynamo.streams.idle();
    }

    const outputs = buildOutputs(
      {
        region,
        graphqlUrl: urls.graphql,
        realtimeUrl: urls.realtime,
        cognito: { endpoint: cognito.url, userPoolId: cognito.userPoolId, userPoolClientId: cognito.clientId },
        storage: { endpoint: storage.endpoint, bucketName: storage.bucketNames[app.buckets.find((b) => !b.publicRead)?.logicalName ?? ''] ?? '' },
      },
      app.buildOutputs,
    );
    return { app, urls, engine, dynamo, cognito, storage, database: { db, dataApi }, authenticator, iamCredential, outputs, functionEnv: env, logger, close };
  } catch (err) {
    await close();
    throw err;
  }
}
