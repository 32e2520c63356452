/**
 * The cloud's functions are exactly definitions/functions.ts: each declared function exists once,
 * with its settings and environment names, and its role's policy is what its permissions declare
 * and nothing more. The expected grants are spelled out here, independently of the code that makes
 * them, so a widened or missing grant fails.
 */
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { assetsBucket, uploadsBucket } from '../../definitions/buckets.ts';
import { DEFAULT_MEMORY_MB, functions, type FunctionKey, type LambdaDefinition } from '../../definitions/functions.ts';
import { streamConsumers } from '../../definitions/stream-consumers.ts';
import { table } from '../../definitions/table.ts';
import { addAppFunctions, cloudFunctions, type FunctionHome } from './constructs/app-functions.ts';
import type { NodeFunction } from './constructs/node-function.ts';
import { addCruddur } from './cruddur.ts';
import { iamMutations, iamReadableTypes } from './schema-facts.ts';

let stacks: ReturnType<typeof addCruddur>;
const templates = new Map<Stack, Template>();

beforeAll(() => {
  // No bundling: only the templates' functions and policies are inspected.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stacks = addCruddur(app, { stage: 'prod', monthlyBudgetUsd: 25, sharpLayerArn: 'arn:aws:lambda:us-east-1:123456789012:layer:sharp:1' });
}, 240_000);

const keys = Object.keys(functions) as FunctionKey[];

function homeStack(home: FunctionHome): Stack {
  return stacks[home];
}

function templateOf(stack: Stack): Template {
  if (!templates.has(stack)) templates.set(stack, Template.fromStack(stack));
  return templates.get(stack)!;
}

function made(key: FunctionKey): { stack: Stack; fn: NodeFunction; template: Template } {
  const stack = homeStack(cloudFunctions[key].home);
  const fn = stack.node.tryFindChild(cloudFunctions[key].id) as NodeFunction | undefined;
  if (!fn) throw new Error(`${key}: no function ${cloudFunctions[key].id} in ${stack.stackName}`);
  return { stack, fn, template: templateOf(stack) };
}

const readActions = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const writeActions = ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable'];
const dataApiActions = ['ExecuteStatement', 'BatchExecuteStatement', 'BeginTransaction', 'CommitTransaction', 'RollbackTransaction'].map((a) => `rds-data:${a}`);

/** `action on resource` for every grant the declaration allows (plus tracing and the own log group). */
function expectedGrants(fn: LambdaDefinition): string[] {
  const grants = ['xray:PutTraceSegments on *', 'xray:PutTelemetryRecords on *', 'logs:CreateLogStream on own log group', 'logs:PutLogEvents on own log group'];
  const access = fn.permissions.table;
  const onTable = !access ? [] : access === 'update' ? ['dynamodb:UpdateItem'] : [...(access === 'write' ? [] : readActions), ...(access === 'read' ? [] : writeActions)];
  grants.push(...new Set(onTable.map((a) => `${a} on table`)));
  if (access === 'read' || access === 'readWrite') {
    for (const gsi of table.globalSecondaryIndexes) grants.push(`dynamodb:Query on index ${gsi.indexName}`, `dynamodb:Scan on index ${gsi.indexName}`);
  }
  for (const grant of fn.permissions.objects ?? []) grants.push(...grant.actions.map((a) => `${a} on ${grant.bucket} ${grant.prefix}*`));
  if (fn.permissions.dataApi) grants.push(...dataApiActions.map((a) => `${a} on cluster`), 'secretsmanager:GetSecretValue on secret');
  if (fn.permissions.publish) {
    grants.push(...iamMutations().map((m) => `appsync:GraphQL on Mutation.${m}`), ...iamReadableTypes().map((t) => `appsync:GraphQL on ${t}.*`));
  }
  // Wiring, not permissions: a stream consumer's event source mapping reads the stream as the
  // function's role and sends failed batches to the failure queue.
  if (streamConsumers.some((c) => c.handler === fn.handler)) {
    grants.push(...['DescribeStream', 'GetRecords', 'GetShardIterator'].map((a) => `dynamodb:${a} on table stream`), 'dynamodb:ListStreams on *');
    grants.push(...['GetQueueAttributes', 'GetQueueUrl', 'SendMessage'].map((a) => `sqs:${a} on failure queue`));
  }
  return grants.sort();
}

/** One resource of a statement, described the way `expectedGrants` names it. */
function describeResource(action: string, resource: unknown, logGroupId: string): string {
  const r = JSON.stringify(resource);
  const service = action.split(':')[0];
  if (r === '"*"') return '*';
  if (service === 'logs') return r.includes(`"${logGroupId}"`) ? 'own log group' : r;
  if (service === 'dynamodb') {
    if (!r.includes(table.logicalName)) return r;
    if (r.includes('StreamArn')) return 'table stream';
    return /\/index\/([\w-]+)"/.exec(r)?.[1] ? `index ${/\/index\/([\w-]+)"/.exec(r)![1]}` : 'table';
  }
  if (service === 's3') {
    const bucket = r.includes(uploadsBucket.logicalName) ? 'uploadsBucket' : r.includes(assetsBucket.logicalName) ? 'assetsBucket' : r;
    const prefix = /"\/([^"]*\*)"\]/.exec(r)?.[1] ?? r;
    return `${bucket} ${prefix}`;
  }
  if (service === 'sqs') return r.includes('StreamFailures') ? 'failure queue' : r;
  if (service === 'rds-data') return /Cluster/.test(r) ? 'cluster' : r;
  if (service === 'secretsmanager') return /Secret/.test(r) ? 'secret' : r;
  if (service === 'appsync') {
    const m = /\/types\/(\w+)\/fields\/([\w*]+)"/.exec(r);
    return m ? `${m[1]}.${m[2]}` : r;
  }
  return r;
}

/** Every `action on resource` the function's role is granted: its inline policies and every policy attached to it. */
function actualGrants(key: FunctionKey): string[] {
  const { stack, fn, template } = made(key);
  const roleId = stack.getLogicalId(fn.role!.node.defaultChild as CfnElement);
  const logGroupId = stack.getLogicalId(stack.node.findChild(`${cloudFunctions[key].id}Logs`).node.defaultChild as CfnElement);
  const role = template.findResources('AWS::IAM::Role')[roleId];
  const attached = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]));
  const documents = [...(role.Properties.Policies ?? []).map((p: { PolicyDocument: unknown }) => p.PolicyDocument), ...attached.map((p) => p.Properties.PolicyDocument)];
  expect(role.Properties.ManagedPolicyArns, `${key}: no managed policies`).toBeUndefined();
  const grants: string[] = [];
  for (const doc of documents as { Statement: { Effect: string; Action: string | string[]; Resource: unknown }[] }[]) {
    for (const s of doc.Statement) {
      expect(s.Effect).toBe('Allow');
      for (const action of [s.Action].flat()) {
        for (const resource of [s.Resource].flat()) grants.push(`${action} on ${describeResource(action, resource, logGroupId)}`);
      }
    }
  }
  return grants.sort();
}

describe('the cloud functions of definitions/functions.ts', () => {
  it('exist once each, in their stack, with the declared memory, timeout, concurrency, environment names and tunables at their defaults', () => {
    for (const key of keys) {
      const declared: LambdaDefinition = functions[key];
      const { stack, fn, template } = made(key);
      const props = template.findResources('AWS::Lambda::Function')[stack.getLogicalId(fn.node.defaultChild as CfnElement)].Properties;
      expect(props.MemorySize, key).toBe(declared.memorySize ?? DEFAULT_MEMORY_MB);
      expect(props.Timeout, key).toBe(declared.timeoutSeconds ?? 30);
      expect(props.ReservedConcurrentExecutions, key).toBe(declared.reservedConcurrency);
      expect(Object.keys(props.Environment.Variables).sort(), key).toEqual([...Object.keys(declared.environment), ...Object.keys(declared.tunables ?? {}), 'NODE_OPTIONS', 'POWERTOOLS_METRICS_NAMESPACE', 'POWERTOOLS_SERVICE_NAME'].sort());
      for (const [name, value] of Object.entries(declared.tunables ?? {})) expect(props.Environment.Variables[name], `${key} ${name}`).toBe(value);
    }
    // NodeFunction names each function's service after its construct id: one function per entry.
    const services = Object.values(stacks).flatMap((s) =>
      Object.values(templateOf(s).findResources('AWS::Lambda::Function')).flatMap((f) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME ?? []),
    );
    expect(services.sort()).toEqual(keys.map((key) => cloudFunctions[key].id).sort());
  });

  it.each(keys)('%s: its role allows exactly what its permissions declare', (key) => {
    expect(actualGrants(key)).toEqual(expectedGrants(functions[key]));
  });

  it('grants the thumbnailer the prefix the uploads notification fires on', () => {
    const uploads = functions.thumbnail.permissions.objects.find((g) => g.bucket === 'uploadsBucket');
    expect(uploads?.prefix).toBe(uploadsBucket.notification?.prefix);
  });

  it('refuses to make a function whose environment or grants the stack cannot supply', () => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Bare');
    expect(() => addAppFunctions(stack, 'identity', {})).toThrow(/TABLE_NAME needs tableName/);
  });
});
