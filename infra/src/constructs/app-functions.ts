/**
 * Every Lambda of definitions/functions.ts, made by looping over it: handler, memory, timeout,
 * reserved concurrency, the declared environment valued from the stack's resources, and exactly
 * the declared permissions as grants. Stacks only wire triggers, data sources, notifications and
 * event sources to the functions this returns; none writes a grant of its own.
 *
 * Each function is made in the stack that owns the resources it is wired to (`cloudFunctions`):
 * the pool's triggers beside the pool, the thumbnailer beside the bucket that notifies it, and so
 * on. One stack for all functions would close reference cycles (the pool needs its triggers'
 * ARNs, the authorizer the pool's id; the bucket notification the thumbnailer's, the presigner
 * the bucket's name). Functions are made directly in the stack with the ids they always had, so
 * their logical ids and resource names do not move.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { database as databaseDefinition } from '../../../definitions/database.ts';
import { environmentFor, functions, type EnvironmentValues, type FunctionKey, type LambdaDefinition, type ObjectGrant } from '../../../definitions/functions.ts';
import { acknowledge, importOf, wildcardResource } from '../nag/nag.ts';
import { grantDataApi, type DataApiTarget } from './data-api-access.ts';
import { NodeFunction } from './node-function.ts';
import { grantTable } from './table-access.ts';

/** The stacks that make functions. */
export type FunctionHome = 'identity' | 'api' | 'storage' | 'streams' | 'database';

/** Where and how the cloud makes one function: its stack, its construct id, bundling extras. */
export interface CloudFunction {
  home: FunctionHome;
  /** Construct id (also the logical-id prefix and `POWERTOOLS_SERVICE_NAME`). */
  id: string;
  /** Packages kept out of the bundle (shipped in a layer the stack adds). */
  externalModules?: string[];
}

/** Every function of definitions/functions.ts; a new entry there is a compile error here until placed. */
export const cloudFunctions: Record<FunctionKey, CloudFunction> = {
  authorizer: { home: 'api', id: 'Authorizer' },
  preSignUp: { home: 'identity', id: 'PreSignUp' },
  postConfirmation: { home: 'identity', id: 'PostConfirmation' },
  avatarUpload: { home: 'storage', id: 'AvatarUpload' },
  // sharp is native: linux-arm64 binaries come from a layer (StorageStack).
  thumbnail: { home: 'storage', id: 'Thumbnail', externalModules: ['sharp'] },
  feedFanout: { home: 'streams', id: 'feed-fanout' },
  publish: { home: 'streams', id: 'publish' },
  databaseMigrate: { home: 'database', id: 'DatabaseMigrate' },
};

/** Where bundled files sit in the function package (Lambda unpacks it at /var/task). */
const TASK_ROOT = '/var/task';

/** What a stack has for its functions' environment values and grants; a declared need it lacks is an error. */
export interface FunctionResources {
  /** Environment values the stack knows (bundle paths are filled in here). */
  values?: Partial<EnvironmentValues>;
  table?: dynamodb.ITable;
  buckets?: Partial<Record<ObjectGrant['bucket'], s3.IBucket>>;
  database?: DataApiTarget;
  /** The API and the IAM-only fields publishers may call and read (schema-facts.ts). */
  publish?: { api: appsync.IGraphqlApi; mutations: string[]; readTypes: string[] };
}

export type AppFunctions = Partial<Record<FunctionKey, NodeFunction>>;

/** Makes every function whose home is `home` in `scope`, in functions.ts order. */
export function addAppFunctions(scope: Stack, home: FunctionHome, resources: FunctionResources): AppFunctions {
  const made: AppFunctions = {};
  for (const key of Object.keys(functions) as FunctionKey[]) {
    if (cloudFunctions[key].home === home) made[key] = addAppFunction(scope, key, resources);
  }
  return made;
}

/** The key of the function whose handler is `handler`, if it is declared. */
export function functionKeyOf(handler: string): FunctionKey | undefined {
  return (Object.keys(functions) as FunctionKey[]).find((key) => functions[key].handler === handler);
}

/** The function made from `handler`'s entry in `made`; an error naming `where` when there is none. */
export function madeFor(made: AppFunctions, handler: string, where: string): NodeFunction {
  const key = functionKeyOf(handler);
  const fn = key && made[key];
  if (!fn) throw new Error(`${where}: ${handler} is not a function of definitions/functions.ts placed in this stack`);
  return fn;
}

function addAppFunction(scope: Stack, key: FunctionKey, resources: FunctionResources): NodeFunction {
  const fn: LambdaDefinition = functions[key];
  const { id, externalModules } = cloudFunctions[key];
  const sources = new Set(Object.values(fn.environment));
  // Files the handler reads at run time travel in its bundle; their variables point there.
  const bundled: Partial<EnvironmentValues> = {
    ...(sources.has('schemaPath') && { schemaPath: `${TASK_ROOT}/schema.graphql` }),
    ...(sources.has('migrationsDir') && { migrationsDir: `${TASK_ROOT}/${databaseDefinition.migrationsDir}` }),
  };
  const db = resources.database;
  const values = {
    ...(db && { databaseClusterArn: db.clusterArn, databaseSecretArn: db.secretArn, databaseName: databaseDefinition.name }),
    ...resources.values,
    ...bundled,
  };
  for (const [name, source] of Object.entries(fn.environment)) {
    if (values[source] === undefined) throw new Error(`${fn.name}: ${name} needs ${source}, which the ${cloudFunctions[key].home} stack does not provide`);
  }
  const created = new NodeFunction(scope, id, {
    handler: fn.handler,
    memorySize: fn.memorySize,
    timeout: fn.timeoutSeconds === undefined ? undefined : Duration.seconds(fn.timeoutSeconds),
    reservedConcurrentExecutions: fn.reservedConcurrency,
    externalModules,
    copyFiles: bundled.schemaPath ? ['schema.graphql'] : undefined,
    copyDirs: bundled.migrationsDir ? [databaseDefinition.migrationsDir] : undefined,
    environment: environmentFor(fn, values),
  });
  grantPermissions(scope, fn, created, resources);
  return created;
}

/** The declared permissions as grants on the function's role, and nothing else. */
function grantPermissions(scope: Stack, fn: LambdaDefinition, created: NodeFunction, resources: FunctionResources): void {
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${fn.name}: its permissions need ${what}, which this stack does not provide`);
    return value;
  };
  const { table, objects, dataApi, publish } = fn.permissions;
  for (const grant of objects ?? []) {
    const bucket = need(resources.buckets?.[grant.bucket], grant.bucket);
    const bucketArn = Stack.of(bucket) === scope ? bucket.bucketArn : importOf(bucket, bucket.bucketArn);
    const keys = `${bucketArn}/${grant.prefix}*`;
    created.addToRolePolicy(new iam.PolicyStatement({ actions: [...grant.actions], resources: [keys] }));
    acknowledge(created.role!, wildcardResource(scope, keys), 'Object keys are per upload (random) and per avatar (content hash): the grant is one prefix of one bucket.');
  }
  if (table) grantTable(need(resources.table, 'the table'), created, table);
  if (dataApi) grantDataApi(created, need(resources.database, 'the database'));
  if (publish) grantPublish(scope, created, need(resources.publish, 'the API'));
}

/** `appsync:GraphQL` on the IAM-only mutations and on every field of the types they return. */
function grantPublish(scope: Stack, created: NodeFunction, publish: NonNullable<FunctionResources['publish']>): void {
  if (publish.mutations.length === 0) return;
  const apiArn = importOf(publish.api, publish.api.arn);
  const readableTypes = publish.readTypes.map((type) => `${apiArn}/types/${type}/fields/*`);
  created.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['appsync:GraphQL'],
      resources: [...publish.mutations.map((field) => `${apiArn}/types/Mutation/fields/${field}`), ...readableTypes],
    }),
  );
  for (const resource of readableTypes) {
    acknowledge(created.role!, wildcardResource(scope, resource), 'Every field of an @aws_iam payload type is readable by design; naming each would grow the inline policy with the schema toward IAM\'s 10,240-character limit.');
  }
}
