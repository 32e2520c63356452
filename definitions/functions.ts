/**
 * Every Lambda function from `lambdas/` and how it is configured, declared once: handler, memory,
 * timeout, concurrency, environment variable names (and where each value comes from) and
 * permissions. `infra/` creates each function from its entry; the offline stack invokes each
 * handler with the environment its entry declares, per invocation (docs/decisions/030).
 */
import { databaseEnv } from './database.ts';
import { fanoutSettings } from './fanout.ts';
import { MEDIA_PREFIX } from './media.ts';


export interface FunctionSettings {
  /** Lambda's MemorySize in MB; the runtime reports it as `AWS_LAMBDA_FUNCTION_MEMORY_SIZE` (default 512). */
  memorySize?: number;
  /** Lambda's timeout in seconds. */
  timeoutSeconds?: number;
  /**
   * Reserved concurrency: at most this many invocations run at once; the rest wait (S3's
   * asynchronous invocations queue, as Lambda's event queue does). Also caps the function's cost.
   */
  reservedConcurrency?: number;
  /**
   * Offline: run the handler in its own process — separate memory, like a Lambda execution
   * environment — instead of inside the server's process (decision 016). For handlers whose
   * memory or CPU would otherwise hurt the requests the server is serving.
   */
  isolated?: boolean;
}

/** Lambda's default memory size. */
export const DEFAULT_MEMORY_MB = 512;

/**
 * Where an environment variable's value comes from. Each half resolves these for its own
 * deployment (infra/: CDK tokens; local/: the offline endpoints), so a function's variable NAMES
 * are declared once here and only the values differ.
 */
export interface EnvironmentValues {
  /** The table's physical name. */
  tableName: string;
  /** The AppSync endpoint the publish mutations are signed for. */
  graphqlUrl: string;
  userPoolId: string;
  userPoolClientId: string;
  uploadsBucket: string;
  assetsBucket: string;
  /** Where rendered assets are served from (CDN offline: the storage endpoint's bucket path). */
  assetsBaseUrl: string;
  databaseClusterArn: string;
  databaseSecretArn: string;
  databaseName: string;
  /** schema.graphql as the function sees it (bundled beside the handler in the cloud). */
  schemaPath: string;
  /** The bundled migrations folder; absent offline (the handler then reads the repository's). */
  migrationsDir?: string;
}

export type EnvironmentSource = keyof EnvironmentValues;

/**
 * DynamoDB access to the table: `read` (gets, queries, scans, index queries), `write` (puts,
 * updates, deletes), both, or `update` (UpdateItem alone: setting attributes of existing items).
 */
export type TableAccess = 'read' | 'write' | 'readWrite' | 'update';

/** Object actions a function may take under one key prefix of one bucket. */
export interface ObjectGrant {
  /** The bucket, named by the environment source of its name. */
  bucket: 'uploadsBucket' | 'assetsBucket';
  /** Key prefix (`uploads/`): the grant covers `<prefix>*` and nothing else of the bucket. */
  prefix: string;
  actions: readonly ('s3:GetObject' | 's3:PutObject' | 's3:DeleteObject')[];
}

/** What a function may do: each half turns these into grants (infra/) or simply trusts them (local/). */
export interface FunctionPermissions {
  table?: TableAccess;
  /** S3 object actions, each on one prefix of one bucket. */
  objects?: readonly ObjectGrant[];
  /** RDS Data API calls on the analytics database (and reading its one secret). */
  dataApi?: boolean;
  /** The IAM-only publish mutations (and reading their payload types). */
  publish?: boolean;
}

/** One Lambda function of the app: handler, environment (names → value source) and permissions. */
export interface LambdaDefinition extends FunctionSettings {
  /** Function name offline (logs, context, ARN); the cloud's is generated from the construct id. */
  name: string;
  /** `lambdas/<dir>/index.ts#<export>`. */
  handler: string;
  environment: Record<string, EnvironmentSource>;
  /**
   * Settings the handler reads from optional variables: name → default value. Both halves set
   * each to its default, so the function's configuration states it; a deployment may set another
   * value (offline: `startStack({ functionVariables })`, as tests lower thresholds). A function
   * sees no variable it does not declare, here or in `environment`.
   */
  tunables?: Readonly<Record<string, string>>;
  permissions: FunctionPermissions;
}

const databaseVariables = {
  [databaseEnv.clusterArn]: 'databaseClusterArn',
  [databaseEnv.secretArn]: 'databaseSecretArn',
  [databaseEnv.name]: 'databaseName',
} as const satisfies Record<string, EnvironmentSource>;

/**
 * Every Lambda function of Cruddur. Data sources, triggers, bucket notifications and stream
 * consumers refer to these by handler; infra/ creates each with exactly this environment and
 * these grants, and the offline stack invokes each with exactly this environment.
 */
export const functions = {
  authorizer: {
    name: 'authorizer',
    handler: 'lambdas/authorizer/index.ts#handler',
    // The guest policy is derived from the schema's [public] markers at cold start.
    environment: { USER_POOL_ID: 'userPoolId', USER_POOL_CLIENT_ID: 'userPoolClientId', TABLE_NAME: 'tableName', SCHEMA_PATH: 'schemaPath' },
    // How long AppSync may cache a signed-in user's answer: how late a revoked token may still be
    // accepted (api.ts's userTtlSeconds; decision 013).
    tunables: { USER_TTL_SECONDS: '60' },
    // The handle is read from the caller's profile item.
    permissions: { table: 'read' },
    timeoutSeconds: 10,
  },
  preSignUp: {
    name: 'cognito-pre-signup',
    handler: 'lambdas/cognito-pre-signup/index.ts#handler',
    environment: { TABLE_NAME: 'tableName' },
    // Refuses handles already claimed.
    permissions: { table: 'read' },
    timeoutSeconds: 5,
  },
  postConfirmation: {
    name: 'cognito-post-confirmation',
    handler: 'lambdas/cognito-post-confirmation/index.ts#handler',
    environment: { TABLE_NAME: 'tableName' },
    permissions: { table: 'write' },
    // Cognito waits 5 s for a trigger.
    timeoutSeconds: 5,
  },
  avatarUpload: {
    name: 'avatar-upload',
    handler: 'lambdas/avatar-upload/index.ts#handler',
    environment: { UPLOADS_BUCKET: 'uploadsBucket' },
    // A presigned URL carries the signer's rights: PutObject under uploads/ and nothing else.
    permissions: { objects: [{ bucket: 'uploadsBucket', prefix: 'uploads/', actions: ['s3:PutObject'] }] },
    timeoutSeconds: 10,
  },
  thumbnail: {
    name: 'thumbnail',
    handler: 'lambdas/thumbnail/index.ts#handler',
    environment: { TABLE_NAME: 'tableName', ASSETS_BUCKET: 'assetsBucket', ASSETS_BASE_URL: 'assetsBaseUrl' },
    // Reads and deletes the upload (prefix: buckets.ts's notification), writes the renditions, and
    // sets the avatar on the existing profile.
    permissions: {
      table: 'update',
      objects: [
        { bucket: 'uploadsBucket', prefix: 'uploads/', actions: ['s3:GetObject', 's3:DeleteObject'] },
        { bucket: 'assetsBucket', prefix: 'avatars/', actions: ['s3:PutObject'] },
        // Crud images' renditions (definitions/media.ts).
        { bucket: 'assetsBucket', prefix: MEDIA_PREFIX, actions: ['s3:PutObject'] },
      ],
    },
    memorySize: 1536, // libvips is CPU-bound; Lambda CPU scales with memory. Also the decode budget (renditions.ts).
    timeoutSeconds: 60,
    // Decoding a 40 MP image takes ~380 MB and a few seconds of CPU: two at a time, the rest queue.
    reservedConcurrency: 2,
    isolated: true,
  },
  feedFanout: {
    name: 'feed-fanout',
    handler: 'lambdas/feed-fanout/index.ts#handler',
    // The Insights step runs inside this function, hence the database; a removed crud's images
    // are deleted from the assets bucket (definitions/media.ts).
    environment: { TABLE_NAME: 'tableName', ASSETS_BUCKET: 'assetsBucket', ...databaseVariables },
    // The hybrid fan-out's thresholds (definitions/fanout.ts).
    tunables: { FANOUT_PULL_AT: String(fanoutSettings.pullAt), FANOUT_PUSH_AT: String(fanoutSettings.pushAt) },
    permissions: { table: 'readWrite', dataApi: true, objects: [{ bucket: 'assetsBucket', prefix: MEDIA_PREFIX, actions: ['s3:DeleteObject'] }] },
  },
  publish: {
    name: 'publish',
    handler: 'lambdas/publish/index.ts#handler',
    environment: { TABLE_NAME: 'tableName', APPSYNC_URL: 'graphqlUrl' },
    permissions: { table: 'readWrite', publish: true },
  },
  databaseMigrate: {
    name: 'database-migrate',
    handler: 'lambdas/database-migrate/index.ts#handler',
    environment: { ...databaseVariables, DATABASE_MIGRATIONS_DIR: 'migrationsDir' },
    permissions: { dataApi: true },
    // Runs as a deploy-time custom resource; a new database applies every migration in one go.
    timeoutSeconds: 300,
  },
} as const satisfies Record<string, LambdaDefinition>;

export type FunctionKey = keyof typeof functions;

/** The function whose handler is `handler` (triggers, data sources and consumers name handlers). */
export function functionByHandler(handler: string): LambdaDefinition | undefined {
  return Object.values(functions).find((f) => f.handler === handler);
}

/**
 * A function's environment for one deployment: its tunables at their defaults and its declared
 * names with their values. A value the deployment does not have (undefined) is left out, so the
 * handler's own default applies.
 */
export function environmentFor(fn: Pick<LambdaDefinition, 'environment' | 'tunables'>, values: Partial<EnvironmentValues>): Record<string, string> {
  const out: Record<string, string> = { ...fn.tunables };
  for (const [name, source] of Object.entries(fn.environment)) {
    const value = values[source];
    if (value !== undefined) out[name] = value;
  }
  return out;
}
