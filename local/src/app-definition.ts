/**
 * What an app gives the offline AppSync: everything `startStack` needs to serve it, in one typed
 * value. The parts of `local/` (DynamoDB, Cognito, storage, the engine) never read an app's files
 * themselves; the stack hands each part its slice of this value.
 *
 * The shapes are the ones the app's contract declares for both renderers (this package and the
 * CDK app), so a definition written for the cloud is served offline unchanged. They are imported
 * here, and only here, as types.
 */
import type { AmplifyOutputs, DeploymentEndpoints } from '../../definitions/amplify-outputs.ts';
import type { ApiDefinition } from '../../definitions/api.ts';
import type { DataSourceDefinition } from '../../definitions/data-sources.ts';
import type { DemoUser } from '../../definitions/demo-users.ts';
import type { LambdaDefinition } from '../../definitions/functions.ts';
import type { BucketDefinition } from '../../definitions/buckets.ts';
import type { ResolverWiring } from '../../definitions/resolvers.ts';
import type { StreamConsumerDefinition } from '../../definitions/stream-consumers.ts';
import type { TableDefinition } from '../../definitions/table.ts';
import type { UserPoolDefinition } from '../../definitions/user-pool.ts';
import type { DataApiHandle } from './data-api/index.ts';
import type { ExplorerConfig } from './appsync/explorer/config.ts';
import type { DynamoStack } from './dynamodb/index.ts';

export type { AmplifyOutputs, DeploymentEndpoints } from '../../definitions/amplify-outputs.ts';
export type { ApiDefinition, AuthMode } from '../../definitions/api.ts';
export type { DataSourceDefinition } from '../../definitions/data-sources.ts';
export type { DemoUser } from '../../definitions/demo-users.ts';
export type { BucketCorsRule, BucketDefinition } from '../../definitions/buckets.ts';
export type { FunctionSettings } from '../../definitions/functions.ts';
export type { PipelineFunctionWiring, ResolverWiring } from '../../definitions/resolvers.ts';
export type { StreamConsumerDefinition } from '../../definitions/stream-consumers.ts';
export type { TableDefinition } from '../../definitions/table.ts';
export type { PasswordPolicy, UserPoolDefinition } from '../../definitions/user-pool.ts';
export type { CachingConfig } from '../../definitions/caching.ts';

/** The parts an app's start hooks may use (a subset of the running stack). */
export interface AppStartContext {
  dynamo: DynamoStack;
  dataApi: DataApiHandle;
  credential: { accessKeyId: string; secretAccessKey: string };
  log: (obj: Record<string, unknown>, msg: string) => void;
}

/**
 * The stack's resources an app's functions may be told about (`AppDefinition.functionEnvironment`).
 * Filled in as the stack's parts start: the API URL and the user pool arrive last.
 */
export interface FunctionEnvironmentContext {
  region: string;
  tableName: string;
  dynamoEndpoint: string;
  storage: { endpoint: string; bucketNames: Record<string, string>; publicBaseUrl(logicalName: string): string };
  dataApi: { endpoint: string; resourceArn: string; secretArn: string };
  credential: { accessKeyId: string; secretAccessKey: string };
  userPool: { userPoolId: string; clientId: string };
  graphqlUrl: string;
}

/**
 * A function as the stack needs it: name, handler, memory (Lambda's 128 MB when absent), its
 * variables' names → value sources, and its tunables (name → default value).
 */
export type FunctionDeclaration = Pick<LambdaDefinition, 'name' | 'handler' | 'memorySize' | 'tunables'> & { environment: Readonly<Record<string, string>> };

/** The parts an app's seed may use once the API is listening. */
export interface AppSeedContext {
  graphqlUrl: string;
  cognito: { url: string; clientId: string };
  users: DemoUser[];
}

/**
 * One app, as the offline AppSync serves it. Handler references (`<file>#<export>`) are relative
 * to the repository root, as in the CDK app.
 */
export interface AppDefinition {
  /** Shown in logs and the explorer. */
  name: string;
  /** The schema in AppSync's dialect (SDL text). */
  schema: string;
  /** Resolver wiring: type, field, data source, code file(s) (e.g. from `discoverResolvers`). */
  resolvers: ResolverWiring[];
  /** Returns the bundled APPSYNC_JS code of one resolver file. */
  bundleResolver: (file: string) => Promise<string>;
  /** Data sources the resolvers name. */
  dataSources: DataSourceDefinition[];
  /** Authorization modes, authorizer, limits and cache of the API. */
  api: ApiDefinition;
  /** The DynamoDB table the AMAZON_DYNAMODB data sources use (one per app). */
  table: TableDefinition;
  /** The Cognito user pool and its app client. */
  userPool: UserPoolDefinition;
  /** S3 buckets, with their upload notifications. */
  buckets: BucketDefinition[];
  /** Lambda consumers of the table's stream. */
  streamConsumers: StreamConsumerDefinition[];
  /** The Postgres database behind RELATIONAL_DATABASE data sources, and its migration handler. */
  database?: {
    name: string;
    /** Run once at every start, before anything is served (AWS runs it as a custom resource). */
    migrate?: { handler: string; functionName: string };
  };
  /** Demo users the stack signs up when asked to seed (`StackOptions.seed`). */
  demoUsers: DemoUser[];
  /** Writes demo content through the API as the demo users (`StackOptions.demoData`). */
  seed?: (context: AppSeedContext) => Promise<void>;
  /** Runs after the database migrations applied at this start (e.g. filling a new database). */
  afterMigrations?: (context: AppStartContext, migrated: { applied: number; version: number }) => Promise<void>;
  /**
   * The app's functions with the environment variables each declares (name → value source) and
   * its tunables. Each invocation gets exactly its function's variables, the offline runtime's and
   * Lambda's defined ones, never another's and nothing of the host's (docs/decisions/039).
   */
  functions?: FunctionDeclaration[];
  /**
   * Values of the value sources `functions` name, from the stack's resources as known so far
   * (undefined: not known yet, the variable is left out). Called when an invocation starts.
   */
  functionEnvironment?: (context: Partial<FunctionEnvironmentContext>) => Record<string, string | undefined>;
  /**
   * The app's client configuration (`amplify_outputs.json`) for a deployment's endpoints: the
   * offline stack supplies its local ones (`Stack.outputs`), the cloud its deployed ones.
   */
  buildOutputs: (endpoints: DeploymentEndpoints) => AmplifyOutputs;
  /** Cache-Control the offline storage serves for public objects stored without one (the CDN's, in the cloud). */
  publicCacheControl?: string;
  /** What the explorer offers for this app: guest token, the caller query, example operations (see ExplorerConfig). */
  explorer?: Pick<ExplorerConfig, 'guest' | 'caller' | 'examples' | 'examplesNote' | 'defaultQuery'>;
}
