/**
 * The offline stack's options and handle: what `startStack` accepts and returns.
 */
import type { FunctionEnvironments } from './function-environment.ts';
import type { AppDefinition } from '../app-definition.ts';
import type { Authenticator } from '../appsync/auth/types.ts';
import type { AppSyncEngine } from '../appsync/engine/create-engine.ts';
import type { RealtimeLimits } from '../appsync/realtime/index.ts';
import type { CognitoHandle } from '../cognito/index.ts';
import type { DataApiHandle } from '../data-api/index.ts';
import type { Database } from '../database/index.ts';
import type { DynamoStack } from '../dynamodb/index.ts';
import type { AllowedHosts } from '../host-check/host-check.ts';
import type { Logger } from '../observability/logger.ts';
import type { AmplifyOutputs } from '../outputs/amplify-outputs.ts';
import type { StorageHandle } from '../storage/index.ts';

export interface StackOptions {
  /** The app to serve (schema, resolvers, data sources, table, pool, …); default Cruddur's (`app/cruddur.ts`). */
  app?: AppDefinition;
  /** Root of persistent data (`.cruddur`); everything in memory when undefined. */
  dataDir?: string;
  /** 0 = ephemeral. Defaults: all ephemeral. */
  ports: { graphql?: number; cognito?: number; storage?: number; database?: number };
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Sign up the app's demo users through the public Cognito path. */
  seed?: boolean;
  /** Also write the app's demo content (`AppDefinition.seed`) as those users. */
  demoData?: boolean;
  /** A logger, or `silent`, or a level. */
  log?: Logger | string;
  /** Browser origins allowed to call the API (default: the web app, http://localhost:5173). */
  corsOrigins?: string[];
  /** Host headers served beside loopback ones (default: the ALLOWED_HOSTS environment variable). */
  allowedHosts?: AllowedHosts;
  /** A real Postgres instead of the embedded one (default: the DATABASE_URL environment variable). */
  databaseUrl?: string;
  /** Real-time limits and timers (default AppSync's; tests shorten the re-authorization sweep). */
  realtimeLimits?: Partial<RealtimeLimits>;
  /** TTL sweep interval (default 60 s; 0 = only on `dynamo.ttl.sweepNow()`): benchmarks keep sweeps out of their timings. */
  ttlIntervalMs?: number;
  /**
   * Values of variables the app's functions declare, per function name (e.g. `{ 'feed-fanout':
   * { FANOUT_PULL_AT: '2' } }` to cross a threshold with a few accounts). A name the function
   * does not declare is refused: as in AWS, a function sees only its configuration.
   */
  functionVariables?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Every function's application log level (TRACE … FATAL), as Lambda's advanced logging controls
   * set it (AWS_LAMBDA_LOG_LEVEL, honoured by Powertools). Default: the LAMBDA_LOG_LEVEL
   * environment variable, else none (Powertools' INFO).
   */
  functionLogLevel?: string;
  /** AppSync's server-side cache as deployed (`api.cache`); false runs without one (benchmarks' baseline). */
  apiCache?: boolean;
}

export interface Stack {
  /** The app this stack serves. */
  app: AppDefinition;
  urls: { graphql: string; realtime: string; explorer: string; cognito?: string; storage?: string; database?: string };
  engine: AppSyncEngine;
  dynamo: DynamoStack;
  cognito: CognitoHandle;
  /** The offline S3. */
  storage: StorageHandle;
  /** Postgres (PGlite under the data dir, or DATABASE_URL) and the Data API endpoint in front of it. */
  database: { db: Database; dataApi: DataApiHandle };
  authenticator: Authenticator;
  /** The credential IAM-signed callers (stream consumers, scripts) use offline: random per data dir, never printed. */
  iamCredential: { accessKeyId: string; secretAccessKey: string };
  /** What `amplify_outputs.json` should contain for this stack. */
  outputs: AmplifyOutputs;
  /** The environment each function is invoked with (scripts and tests run handlers in it with withFunctionEnv). */
  functionEnv: FunctionEnvironments;
  logger: Logger;
  close(): Promise<void>;
}
