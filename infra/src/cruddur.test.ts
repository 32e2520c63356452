/**
 * The cloud twin, synthesized offline and asserted: every resource and setting the offline engine
 * relies on exists in the templates with the same definitions.
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { api as apiDefinition } from '../../definitions/api.ts';
import { resolverCaching } from '../../definitions/caching.ts';
import { discoverResolvers } from '../../definitions/resolvers.ts';
import { streamConsumers } from '../../definitions/stream-consumers.ts';
import { dataSources } from '../../definitions/data-sources.ts';
import { table } from '../../definitions/table.ts';
import { userPool } from '../../definitions/user-pool.ts';
import { addCruddur } from './cruddur.ts';
import { nagFindings } from './nag/nag.ts';
import { DataStack } from './stacks/data-stack.ts';
import { IdentityStack } from './stacks/identity-stack.ts';
import { iamMutations, iamReadableTypes } from './schema-facts.ts';

let app: App;
let stacks: ReturnType<typeof addCruddur>;
const templates: Record<string, Template> = {};

beforeAll(() => {
  app = new App({ context: { 'aws:cdk:bundling-stacks': ['**'] } });
  // A published sharp layer keeps the templates independent of whether infra/layers/sharp was built.
  stacks = addCruddur(app, { stage: 'prod', alertEmail: 'ops@example.com', monthlyBudgetUsd: 25, sharpLayerArn: 'arn:aws:lambda:us-east-1:123456789012:layer:sharp:1' });
  for (const [name, stack] of Object.entries(stacks)) templates[name] = Template.fromStack(stack);
}, 240_000);

describe('data', () => {
  it('creates the table from definitions/table.ts with stream, TTL, PITR and protection', () => {
    templates.data.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: table.partitionKey, KeyType: 'HASH' },
        { AttributeName: table.sortKey, KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((gsi) =>
        Match.objectLike({
          IndexName: gsi.indexName,
          KeySchema: [
            { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
            { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }),
      ),
    });
    templates.data.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });
});

describe('identity', () => {
  it('creates the pool from definitions/user-pool.ts', () => {
    const policy = userPool.passwordPolicy;
    templates.identity.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: policy.minimumLength,
          RequireLowercase: policy.requireLowercase,
          RequireUppercase: policy.requireUppercase,
          RequireNumbers: policy.requireNumbers,
          RequireSymbols: policy.requireSymbols,
        }),
      },
      Schema: Match.arrayWith(
        userPool.standardAttributes.map((a) => Match.objectLike({ Name: a.name, Required: a.required, Mutable: a.mutable })),
      ),
      LambdaConfig: { PreSignUp: Match.anyValue(), PostConfirmation: Match.anyValue() },
    });
  });

  it('keeps the pool on Essentials, and turns on threat protection (Plus, ENFORCED) only when asked', () => {
    templates.identity.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'ESSENTIALS', UserPoolAddOns: Match.absent() });
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const data = new DataStack(app, 'Data', { production: false });
    const identity = new IdentityStack(app, 'Identity', { table: data.table, production: false, threatProtection: true });
    Template.fromStack(identity).hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
  });

  it('creates an SRP + refresh client without a secret, with the defined token lifetimes', () => {
    templates.identity.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      AccessTokenValidity: userPool.client.accessTokenValidityMinutes,
      IdTokenValidity: userPool.client.idTokenValidityMinutes,
      RefreshTokenValidity: userPool.client.refreshTokenValidityDays * 24 * 60,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
  });
});

describe('api', () => {
  it('uses the Lambda authorizer by default and IAM for publishers (definitions/api.ts), with X-Ray and logs', () => {
    templates.api.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AuthenticationType: 'AWS_LAMBDA',
      LambdaAuthorizerConfig: Match.objectLike({ AuthorizerResultTtlInSeconds: 60 }),
      AdditionalAuthenticationProviders: [{ AuthenticationType: 'AWS_IAM' }],
      XrayEnabled: true,
      EnvironmentVariables: { TABLE_NAME: Match.anyValue() },
      LogConfig: { FieldLogLevel: 'ERROR', CloudWatchLogsRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiLogsRole'), 'Arn'] } },
    });
    // AppSync's log group, with retention, made by the stack (no LogRetention custom resource).
    templates.api.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: { 'Fn::Join': ['', ['/aws/appsync/apis/', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Api'), 'ApiId'] }]] },
      RetentionInDays: 30,
    });
    templates.api.resourceCountIs('Custom::LogRetention', 0);
  });

  it("deploys the API's cost limits from definitions/api.ts", () => {
    templates.api.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      QueryDepthLimit: apiDefinition.limits.queryDepthLimit,
      ResolverCountLimit: apiDefinition.limits.resolverCountLimit,
    });
  });

  it('resolves exactly the fields the offline engine resolves, all on APPSYNC_JS 1.0.0', () => {
    const wired = discoverResolvers().map((r) => `${r.typeName}.${r.fieldName}`).sort();
    expect(wired.length).toBeGreaterThan(0);
    const resolvers = Object.values(templates.api.findResources('AWS::AppSync::Resolver'));
    const deployed = resolvers.map((r) => `${r.Properties.TypeName}.${r.Properties.FieldName}`).sort();
    expect(deployed).toEqual(wired);
    for (const r of resolvers) expect(r.Properties.Runtime).toEqual({ Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' });
    const functions = discoverResolvers().flatMap((r) => r.functions);
    templates.api.resourceCountIs('AWS::AppSync::FunctionConfiguration', functions.length);
  });

  it('runs the Insights fields on the Postgres data source', () => {
    const relational = new Set(dataSources.filter((d) => d.type === 'RELATIONAL_DATABASE').map((d) => d.name));
    const onPostgres = discoverResolvers()
      .filter((r) => [r.dataSource, ...r.functions.map((f) => f.dataSource)].some((n) => n !== undefined && relational.has(n)))
      .map((r) => `${r.typeName}.${r.fieldName}`);
    expect(onPostgres.sort()).toEqual(['Query.hashtagHistory', 'Query.myInsights']);
  });

  it('creates the API cache from definitions/api.ts, encrypted in transit and at rest', () => {
    templates.api.resourceCountIs('AWS::AppSync::ApiCache', 1);
    templates.api.hasResourceProperties('AWS::AppSync::ApiCache', {
      ApiCachingBehavior: apiDefinition.cache.behavior,
      Type: apiDefinition.cache.type,
      Ttl: apiDefinition.cache.ttlSeconds,
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
    });
  });

  it('caches exactly the resolvers of definitions/caching.ts, with their TTLs and keys, once the cache exists', () => {
    const [cacheId] = Object.keys(templates.api.findResources('AWS::AppSync::ApiCache'));
    const resolvers = Object.values(templates.api.findResources('AWS::AppSync::Resolver'));
    const cached = resolvers.filter((r) => r.Properties.CachingConfig);
    const deployed = Object.fromEntries(cached.map((r) => [`${r.Properties.TypeName}.${r.Properties.FieldName}`, r.Properties.CachingConfig]));
    const declared = Object.fromEntries(Object.entries(resolverCaching).map(([field, c]) => [field, { Ttl: c.ttlSeconds, CachingKeys: c.keys }]));
    expect(Object.keys(declared).length).toBeGreaterThan(0);
    expect(deployed).toEqual(declared);
    for (const r of cached) expect(r.DependsOn).toContain(cacheId);
  });

  it('puts a WAF web ACL (per-IP rate limit, IP reputation list) in front of the production API', () => {
    templates.api.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({ Action: { Block: {} }, Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 2000, EvaluationWindowSec: 300 } } }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' } } }),
      ],
    });
    templates.api.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Api'), 'Arn'] } });
  });
});

describe('streams', () => {
  it('maps every consumer from definitions/stream-consumers.ts with its settings and a failure queue', () => {
    expect(streamConsumers.length).toBeGreaterThan(0);
    for (const c of streamConsumers) {
      templates.streams.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        BatchSize: c.batchSize,
        MaximumRetryAttempts: c.maximumRetryAttempts,
        BisectBatchOnFunctionError: c.bisectBatchOnFunctionError,
        StartingPosition: c.startingPosition,
        FunctionResponseTypes: c.reportBatchItemFailures ? ['ReportBatchItemFailures'] : Match.absent(),
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
    templates.streams.resourceCountIs('AWS::Lambda::EventSourceMapping', streamConsumers.length);
  });

  it('lets consumers call only the IAM publish mutations', () => {
    const publish = iamMutations();
    expect(publish.length).toBeGreaterThan(0);
    const policies = JSON.stringify(templates.streams.findResources('AWS::IAM::Policy'));
    for (const field of publish) expect(policies).toContain(`/types/Mutation/fields/${field}`);
    // …and read the payload types their selections return (AppSync checks IAM per field).
    expect(iamReadableTypes()).toEqual(expect.arrayContaining(['FeedItem', 'Crud', 'User']));
    for (const type of iamReadableTypes()) expect(policies).toContain(`/types/${type}/fields/*`);
    expect(policies).not.toContain('/types/Mutation/fields/*');
    expect(policies).not.toContain('/types/Query/');
  });
});

describe('operations', () => {
  it('alarms on API 5xx, every function error and stream iterator age', () => {
    templates.operations.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: '5XXError', Namespace: 'AWS/AppSync' });
    templates.operations.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge' });
    // The authorizer's EMF metric, with the dimension Powertools gives it (service = the function's id).
    templates.operations.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'SessionCheckUnavailable', Namespace: 'Cruddur', Dimensions: [{ Name: 'service', Value: 'Authorizer' }] });
    const errorAlarms = Object.values(templates.operations.findResources('AWS::CloudWatch::Alarm')).filter(
      (a) => a.Properties.MetricName === 'Errors',
    );
    expect(errorAlarms.length).toBe(stacks.identity.functions.length + stacks.api.functions.length + stacks.streams.consumers.length + stacks.storage.functions.length + 1); // + the database migrate function
  });

  it('has a monthly budget that emails the alert address', () => {
    templates.operations.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 25, Unit: 'USD' } }),
      NotificationsWithSubscribers: Match.arrayWith([
        Match.objectLike({ Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'ops@example.com' }] }),
      ]),
    });
    templates.operations.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

describe('hosting', () => {
  it('serves the web app from a private bucket through CloudFront with an SPA fallback', () => {
    templates.hosting.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    templates.hosting.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        CustomErrorResponses: Match.arrayWith([Match.objectLike({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' })]),
      }),
    });
    templates.hosting.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
  });
});

describe('every function', () => {
  it('gets DynamoDB on the table and each named index, never index/*, and no AWS managed policy', () => {
    const policies = Object.values(templates).flatMap((t) => Object.values(t.findResources('AWS::IAM::Policy')));
    const granted = JSON.stringify(policies.map((p) => p.Properties.PolicyDocument));
    expect(granted).not.toContain('/index/*');
    for (const gsi of table.globalSecondaryIndexes) expect(granted).toContain(`/index/${gsi.indexName}`);
    // Only CDK's own deploy-time handlers keep AWSLambdaBasicExecutionRole: bucket notifications
    // (acknowledged in StorageStack) and auto-delete of the uploads bucket (a raw CfnResource cdk-nag does not inspect).
    const managed = Object.values(templates).flatMap((t) =>
      Object.entries(t.findResources('AWS::IAM::Role')).filter(([, r]) => r.Properties.ManagedPolicyArns).map(([id]) => id),
    );
    expect(managed.sort()).toEqual([expect.stringMatching(/^BucketNotificationsHandler/), expect.stringMatching(/^CustomS3AutoDeleteObjects/)]);
  });

  it('runs Node 24 with active tracing and Powertools settings', () => {
    for (const t of Object.values(templates)) {
      for (const fn of Object.values(t.findResources('AWS::Lambda::Function'))) {
        if (!fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME) continue; // CDK's own helpers
        expect(fn.Properties.Runtime).toBe('nodejs24.x');
        expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      }
    }
  });
});

it('passes AWS\'s security rules (cdk-nag AwsSolutions): every finding fixed or acknowledged at its construct', () => {
  expect(nagFindings(app)).toEqual([]);
});

it('matches the snapshot (asset hashes and bundled code normalised)', () => {
  const normalise = (json: unknown) =>
    JSON.parse(
      JSON.stringify(json)
        .replace(/[0-9a-f]{64}\.zip/g, '<asset>.zip')
        // Changes with every migration file; database.test.ts checks it.
        .replace(/"migrations":"[0-9a-f]{64}"/g, '"migrations":"<fingerprint>"')
        .replace(/"Code":"(?:[^"\\]|\\.)*"/g, '"Code":"<bundle>"'),
    );
  for (const [name, t] of Object.entries(templates)) expect(normalise(t.toJSON())).toMatchSnapshot(name);
});
