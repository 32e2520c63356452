/**
 * StorageStack synthesized offline (no bundling, no downloads) and asserted: private uploads
 * bucket with CORS and lifecycle, the S3 → thumbnail notification, least-privilege grants, the
 * sharp layer, and the presigner wired as the API's avatarUploads data source.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { StorageStack, type StorageStackProps } from './stacks/storage-stack.ts';
import { addCruddur } from './cruddur.ts';
import { uploadsBucket } from '../../definitions/buckets.ts';

const uploadsRule = uploadsBucket.cors!;

const LAYER_ARN = 'arn:aws:lambda:us-east-1:123456789012:layer:sharp-arm64:3';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sharp-layer-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function synth(overrides: Partial<StorageStackProps> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const deps = new Stack(app, 'Deps');
  const table = new dynamodb.Table(deps, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
  const assets = new s3.Bucket(deps, 'Assets');
  const stack = new StorageStack(app, 'Storage', {
    production: false,
    table,
    assetsBucket: assets,
    assetsBaseUrl: 'https://d111.cloudfront.net',
    corsOrigins: ['https://app.example.com'],
    sharpLayerArn: LAYER_ARN,
    ...overrides,
  });
  return { stack, template: Template.fromStack(stack) };
}

/** Every statement of the policies attached to a function's role. */
function statementsOf(template: Template, roleLogicalPrefix: string): { Action: string | string[]; Resource: unknown }[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleLogicalPrefix))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

describe('StorageStack', () => {
  const { stack, template } = synth();

  it('creates a private, encrypted uploads bucket with the app-origin CORS rule and a 1-day uploads/ expiry', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      CorsConfiguration: {
        CorsRules: [{ AllowedOrigins: ['https://app.example.com'], AllowedMethods: uploadsRule.allowedMethods, AllowedHeaders: uploadsRule.allowedHeaders, ExposedHeaders: uploadsRule.exposedHeaders, MaxAge: uploadsRule.maxAgeSeconds }],
      },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })] },
    });
    // enforceSSL: a deny on aws:SecureTransport=false.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('notifies the thumbnail Lambda of objects created under uploads/ only', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          { Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } }, LambdaFunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Thumbnail'), 'Arn'] } },
        ],
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' });
  });

  it('runs the thumbnailer on arm64 with the sharp layer, its declared memory and reserved concurrency, and the assets configuration', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Architectures: ['arm64'],
      MemorySize: 1536,
      Timeout: 60,
      ReservedConcurrentExecutions: 2,
      Layers: [LAYER_ARN],
      Environment: { Variables: Match.objectLike({ ASSETS_BASE_URL: 'https://d111.cloudfront.net', ASSETS_BUCKET: Match.anyValue(), TABLE_NAME: Match.anyValue() }) },
    });
  });

  it('grants the thumbnailer exactly: read+delete uploads/*, put avatars/* and media/* in assets, UpdateItem on the table', () => {
    const statements = statementsOf(template, 'ThumbnailServiceRole');
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.sort()).toEqual(['dynamodb:UpdateItem', 's3:DeleteObject', 's3:GetObject', 's3:PutObject', 's3:PutObject', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'].sort());
    expect(JSON.stringify(statements.find((s) => [s.Action].flat().includes('s3:GetObject'))!.Resource)).toContain('/uploads/*');
    const puts = JSON.stringify(statements.filter((s) => [s.Action].flat().includes('s3:PutObject')).map((s) => s.Resource));
    expect(puts).toContain('/avatars/*');
    expect(puts).toContain('/media/*');
  });

  it('lets the presigner sign PutObject under uploads/ and nothing else', () => {
    const statements = statementsOf(template, 'AvatarUploadServiceRole').filter((s) => ![s.Action].flat().some((a) => a.startsWith('xray:')));
    expect(statements).toHaveLength(1);
    expect(statements[0].Action).toBe('s3:PutObject');
    expect(JSON.stringify(statements[0].Resource)).toMatch(/Arn.*\/uploads\/\*/);
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ UPLOADS_BUCKET: { Ref: Match.stringLikeRegexp('^UploadsBucket') } }) } });
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toHaveLength(0);
  });

  it('builds the layer from infra/layers/sharp when present, and refuses to synth a deployable stack without one', () => {
    fs.mkdirSync(path.join(tmp, 'nodejs', 'node_modules', 'sharp'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'nodejs', 'node_modules', 'sharp', 'package.json'), '{"name":"sharp"}');
    const fromDir = synth({ sharpLayerArn: undefined, sharpLayerDir: tmp });
    fromDir.template.hasResourceProperties('AWS::Lambda::LayerVersion', { CompatibleArchitectures: ['arm64'], CompatibleRuntimes: ['nodejs24.x'] });
    const missing = synth({ sharpLayerArn: undefined, sharpLayerDir: path.join(tmp, 'absent') });
    expect(missing.template.findResources('AWS::Lambda::LayerVersion')).toEqual({});
    expect(Annotations.fromStack(missing.stack).findError('*', Match.stringLikeRegexp('sharp layer'))).toHaveLength(1);
  });
});

describe('in the whole app', () => {
  it('serves avatarUploads from the presigner, allows the web origin, and points avatars at CloudFront', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stacks = addCruddur(app, { stage: 'dev', monthlyBudgetUsd: 10, sharpLayerArn: LAYER_ARN, corsOrigins: ['https://cruddur.example'] });
    const api = Template.fromStack(stacks.api);
    api.hasResourceProperties('AWS::AppSync::DataSource', { Name: 'avatarUploads', Type: 'AWS_LAMBDA' });
    api.hasResourceProperties('AWS::AppSync::Resolver', { TypeName: 'Mutation', FieldName: 'createAvatarUpload', DataSourceName: 'avatarUploads' });
    const storage = Template.fromStack(stacks.storage);
    const cors = JSON.stringify(storage.findResources('AWS::S3::Bucket'));
    expect(cors).toContain('https://cruddur.example');
    expect(cors).toContain('WebDistribution');
    expect(JSON.stringify(storage.findResources('AWS::Lambda::Function'))).toContain('AssetsDistribution');
  });
});
