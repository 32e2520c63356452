/**
 * The analytics database in the cloud (decision 021), synthesized offline: Aurora PostgreSQL
 * Serverless v2 with the Data API in isolated subnets, AppSync's `insights` data source and the
 * database consumers with Data API grants scoped to the one cluster and secret, and migrations
 * applied by a custom resource only once the writer exists.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, databaseEnv } from '../../definitions/database.ts';
import { dataSources } from '../../definitions/data-sources.ts';
import { insightsStep, streamConsumers } from '../../definitions/stream-consumers.ts';
import { addCruddur, databaseConsumers } from './cruddur.ts';
import { dataApiActions } from './constructs/data-api-access.ts';
import { repoRoot } from './constructs/node-function.ts';
import { nagFindings } from './nag/nag.ts';
import { DatabaseStack, migrationsFingerprint } from './stacks/database-stack.ts';
import { StreamsStack } from './stacks/streams-stack.ts';

/** CloudFormation logical ids keep only alphanumerics of a construct id (`feed-fanout` → `feedfanout…`). */
const logicalIdOf = (constructId: string) => constructId.replace(/[^A-Za-z0-9]/g, '');

// Bundling off: these tests read templates, not bundles (cruddur.test.ts bundles everything).
const offline = () => new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const layer = 'arn:aws:lambda:us-east-1:123456789012:layer:sharp:1';

let stacks: ReturnType<typeof addCruddur>;
let db: Template;
let api: Template;
let dev: Template;

beforeAll(() => {
  stacks = addCruddur(offline(), { stage: 'prod', monthlyBudgetUsd: 25, sharpLayerArn: layer });
  db = Template.fromStack(stacks.database);
  api = Template.fromStack(stacks.api);
  dev = Template.fromStack(new DatabaseStack(offline(), 'DevDatabase', { production: false }));
}, 240_000);

const only = (t: Template, type: string) => {
  const found = Object.entries(t.findResources(type));
  expect(found).toHaveLength(1);
  return { id: found[0][0], resource: found[0][1] };
};

/** A cluster ARN as CDK builds it (`arn:…:cluster:<identifier>`), the identifier imported or referenced. */
const clusterArn = (local: boolean) => ({
  'Fn::Join': ['', Match.arrayWith([':cluster:', local ? { Ref: Match.stringLikeRegexp('^Cluster') } : { 'Fn::ImportValue': Match.stringLikeRegexp('CruddurDatabase:.*Cluster') }])],
});

/** The statements of the one policy attached to `roleId`. */
function statementsOf(t: Template, roleId: string): { Action: string | string[]; Resource: unknown }[] {
  const policies = Object.values(t.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId));
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
}

describe('cluster', () => {
  it('is Aurora PostgreSQL Serverless v2 with the Data API, encrypted, backed up, protected in production', () => {
    db.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      EngineVersion: Match.stringLikeRegexp('^17\\.'),
      EnableHttpEndpoint: true,
      DatabaseName: database.name,
      StorageEncrypted: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 14,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 },
    });
    db.hasResource('AWS::RDS::DBCluster', { DeletionPolicy: 'Snapshot' });
    db.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceClass: 'db.serverless', PubliclyAccessible: false });
  });

  it('pauses when idle outside production (0 ACU) and may be deleted', () => {
    dev.hasResourceProperties('AWS::RDS::DBCluster', { DeletionProtection: false, ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 2 } });
    dev.hasResource('AWS::RDS::DBCluster', { DeletionPolicy: 'Delete' });
  });

  it('takes generated credentials from a Secrets Manager secret attached to the cluster', () => {
    const secret = only(db, 'AWS::SecretsManager::Secret');
    expect(secret.resource.Properties.GenerateSecretString).toMatchObject({ GenerateStringKey: 'password', ExcludeCharacters: expect.any(String) });
    db.hasResourceProperties('AWS::SecretsManager::SecretTargetAttachment', { SecretId: { Ref: secret.id }, TargetType: 'AWS::RDS::DBCluster' });
    db.hasResourceProperties('AWS::RDS::DBCluster', { MasterUserPassword: Match.objectLike({ 'Fn::Join': Match.anyValue() }) });
  });
});

describe('network', () => {
  it('has isolated subnets only: no internet or NAT gateway, no route out, no public IPs', () => {
    for (const type of ['AWS::EC2::InternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::EIP', 'AWS::EC2::Route', 'AWS::EC2::VPCGatewayAttachment']) {
      expect(db.findResources(type), type).toEqual({});
    }
    const subnets = Object.values(db.findResources('AWS::EC2::Subnet'));
    expect(subnets).toHaveLength(2);
    for (const s of subnets) expect(s.Properties.MapPublicIpOnLaunch).toBe(false);
    db.hasResourceProperties('AWS::RDS::DBSubnetGroup', { SubnetIds: subnets.map(() => ({ Ref: Match.stringLikeRegexp('isolated') })) });
  });

  it('puts the cluster behind a security group that admits nothing and sends nothing', () => {
    const group = only(db, 'AWS::EC2::SecurityGroup');
    expect(group.resource.Properties.SecurityGroupIngress).toBeUndefined();
    // CDK's marker for "no egress": a single rule to a /32 no host answers.
    expect(group.resource.Properties.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '255.255.255.255/32' })]);
    expect(db.findResources('AWS::EC2::SecurityGroupIngress')).toEqual({});
    db.hasResourceProperties('AWS::RDS::DBCluster', { VpcSecurityGroupIds: [{ 'Fn::GetAtt': [group.id, 'GroupId'] }] });
  });

  it('logs rejected traffic in the VPC', () => {
    db.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'REJECT', LogDestinationType: 'cloud-watch-logs' });
  });
});

describe('AppSync data source', () => {
  const insights = dataSources.find((d) => d.type === 'RELATIONAL_DATABASE');

  it('points the RELATIONAL_DATABASE data source at the cluster, its secret and the database', () => {
    expect(insights).toEqual({ name: 'insights', type: 'RELATIONAL_DATABASE', database: database.name });
    api.hasResourceProperties('AWS::AppSync::DataSource', {
      Name: 'insights',
      Type: 'RELATIONAL_DATABASE',
      RelationalDatabaseConfig: {
        RelationalDatabaseSourceType: 'RDS_HTTP_ENDPOINT',
        RdsHttpEndpointConfig: {
          AwsRegion: { Ref: 'AWS::Region' },
          DbClusterIdentifier: clusterArn(false),
          AwsSecretStoreArn: { 'Fn::ImportValue': Match.stringLikeRegexp('CruddurDatabase:.*Secret') },
          DatabaseName: database.name,
        },
      },
    });
  });

  it('runs as a role allowed the Data API on that cluster and GetSecretValue on that secret, nothing more', () => {
    const [, source] = Object.entries(api.findResources('AWS::AppSync::DataSource')).find(([, r]) => r.Properties.Name === 'insights')!;
    const roleId = source.Properties.ServiceRoleArn['Fn::GetAtt'][0];
    const statements = statementsOf(api, roleId);
    expect(statements.map((s) => s.Action)).toEqual([dataApiActions, 'secretsmanager:GetSecretValue']);
    expect(Match.objectLike(clusterArn(false)).test(statements[0].Resource).isSuccess).toBe(true);
    expect(statements[1].Resource).toEqual({ 'Fn::ImportValue': expect.stringMatching(/Secret/) });
  });
});

describe('database consumers', () => {
  it('are the mapping the Insights step runs inside, and any consumer running the step on its own', () => {
    expect(databaseConsumers()).toEqual([insightsStep.runsInside]);
    const standalone = { ...streamConsumers[0], name: 'insights', handler: insightsStep.handler };
    expect(databaseConsumers([...streamConsumers, standalone])).toEqual([insightsStep.runsInside, 'insights']);
  });

  it('in the app: the Insights host consumer has the Data API settings and grants', () => {
    const streams = Template.fromStack(stacks.streams);
    const [, host] = Object.entries(streams.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith(logicalIdOf(insightsStep.runsInside)))!;
    expect(host.Properties.Environment.Variables).toMatchObject({ [databaseEnv.name]: database.name, [databaseEnv.secretArn]: { 'Fn::ImportValue': expect.stringMatching(/Secret/) } });
    expect(JSON.stringify(statementsOf(streams, host.Properties.Role['Fn::GetAtt'][0]))).toContain('rds-data:ExecuteStatement');
  });

  it('get the Data API environment and grants, stay outside the VPC; other consumers get neither', () => {
    const app = offline();
    const dbStack = new DatabaseStack(app, 'Db', { production: true });
    const deps = new Stack(app, 'Deps');
    const table = new dynamodb.Table(deps, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES });
    const graphql = new appsync.GraphqlApi(deps, 'Api', { name: 'x', definition: appsync.Definition.fromFile(path.join(repoRoot, 'schema.graphql')) });
    const streams = new StreamsStack(app, 'Streams', {
      table,
      api: graphql,
      consumers: streamConsumers,
      publishMutations: [],
      publishReadTypes: [],
      database: dbStack.target,
      assetsBucket: new s3.Bucket(deps, 'Assets'),
    });
    const t = Template.fromStack(streams);
    const fns = Object.entries(t.findResources('AWS::Lambda::Function'));
    const [withDb, ...others] = streamConsumers.map((c) => fns.find(([id]) => id.startsWith(logicalIdOf(c.name)))!);
    expect(JSON.stringify(withDb[1].Properties.Environment.Variables[databaseEnv.clusterArn])).toMatch(/:cluster:.*Fn::ImportValue.*Cluster/);
    expect(withDb[1].Properties.Environment.Variables).toMatchObject({
      [databaseEnv.secretArn]: { 'Fn::ImportValue': expect.stringMatching(/Secret/) },
      [databaseEnv.name]: database.name,
    });
    // No VpcConfig: no ENI cold starts and no NAT; the Data API is an IAM-authorised HTTPS endpoint.
    expect(withDb[1].Properties.VpcConfig).toBeUndefined();
    const granted = JSON.stringify(statementsOf(t, withDb[1].Properties.Role['Fn::GetAtt'][0]));
    expect(granted).toContain('rds-data:ExecuteStatement');
    expect(granted).toContain('secretsmanager:GetSecretValue');
    for (const [, fn] of others) {
      expect(Object.keys(fn.Properties.Environment.Variables)).not.toContain(databaseEnv.clusterArn);
      expect(JSON.stringify(statementsOf(t, fn.Properties.Role['Fn::GetAtt'][0]))).not.toMatch(/rds-data|secretsmanager/);
    }
  });
});

describe('migrations', () => {
  it('run through a custom resource that waits for the cluster and its writer, and reruns when a file changes', () => {
    const migrations = only(db, 'Custom::DatabaseMigrations');
    const writer = only(db, 'AWS::RDS::DBInstance');
    const cluster = only(db, 'AWS::RDS::DBCluster');
    expect(migrations.resource.DependsOn).toEqual(expect.arrayContaining([cluster.id, writer.id]));
    expect(migrations.resource.Properties).toMatchObject({ database: database.name, migrations: migrationsFingerprint() });
    expect(migrationsFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are applied by the migrate function with the Data API settings and the bundled files', () => {
    const fns = Object.entries(db.findResources('AWS::Lambda::Function'));
    const [migrateId, migrate] = fns.find(([, f]) => f.Properties.Environment?.Variables?.DATABASE_MIGRATIONS_DIR)!;
    expect(migrate.Properties.Environment.Variables).toMatchObject({
      DATABASE_MIGRATIONS_DIR: `/var/task/${database.migrationsDir}`,
      [databaseEnv.secretArn]: { Ref: expect.stringMatching(/Secret/) },
      [databaseEnv.name]: database.name,
    });
    expect(Match.objectLike(clusterArn(true)).test(migrate.Properties.Environment.Variables[databaseEnv.clusterArn]).isSuccess).toBe(true);
    expect(migrate.Properties.VpcConfig).toBeUndefined();
    const granted = statementsOf(db, migrate.Properties.Role['Fn::GetAtt'][0]);
    expect(granted).toEqual(expect.arrayContaining([
      expect.objectContaining({ Action: dataApiActions }),
      expect.objectContaining({ Action: 'secretsmanager:GetSecretValue', Resource: { Ref: expect.stringMatching(/Secret/) } }),
    ]));
    // The Provider framework's function invokes it; the custom resource's token is that framework.
    const provider = fns.find(([id]) => id.startsWith('MigrationsProviderframeworkonEvent'))!;
    expect(provider[1].Properties.Environment.Variables.USER_ON_EVENT_FUNCTION_ARN).toEqual({ 'Fn::GetAtt': [migrateId, 'Arn'] });
    expect(only(db, 'Custom::DatabaseMigrations').resource.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [provider[0], 'Arn'] });
  });
});

it('bundles every migration file into the migrate function at /var/task/database/migrations', { timeout: 120_000 }, () => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': ['Bundled'] } });
  const stack = new DatabaseStack(app, 'Bundled', { production: false });
  const assembly = app.synth();
  const code = (stack.migrate.node.defaultChild as lambda.CfnFunction).code as lambda.CfnFunction.CodeProperty;
  const assetDir = path.join(assembly.directory, `asset.${String(stack.resolve(code.s3Key)).replace(/\.zip$/, '')}`);
  const repoDir = path.join(repoRoot, database.migrationsDir);
  const sql = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort() : []);
  expect(fs.existsSync(path.join(assetDir, 'index.mjs'))).toBe(true);
  expect(fs.existsSync(path.join(assetDir, database.migrationsDir))).toBe(true);
  expect(sql(path.join(assetDir, database.migrationsDir))).toEqual(sql(repoDir));
  fs.rmSync(assembly.directory, { recursive: true, force: true });
});

it('passes cdk-nag AwsSolutions in production and in dev', () => {
  expect(nagFindings(stacks.database)).toEqual([]);
  expect(nagFindings(stacks.api)).toEqual([]);
  const app = offline();
  new DatabaseStack(app, 'DevDatabase', { production: false });
  expect(nagFindings(app)).toEqual([]);
});
