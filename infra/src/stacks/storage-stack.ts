/**
 * The avatar pipeline in the cloud, from the same definitions the offline stack serves
 * (definitions/buckets.ts): a private uploads bucket (CORS allowlist of the app's origins,
 * `uploads/` expiring after a day), its object-created notification to the thumbnail Lambda, the
 * avatar-upload Lambda that presigns PUTs (AppSync's `avatarUploads` data source, handed to
 * ApiStack), and write access to the assets bucket HostingStack serves through CloudFront (OAC).
 * Both functions, their settings and their grants (each on one key prefix) come from
 * definitions/functions.ts (constructs/app-functions.ts).
 *
 * sharp is a native module: it is kept out of the esbuild bundle and shipped as a layer built for
 * linux-arm64 (`infra/scripts/build-sharp-layer.sh` → infra/layers/sharp/nodejs/node_modules, the
 * layout from which Node.js 18+ runtimes resolve ES module imports too — AWS Knowledge Center,
 * "lambda-import-module-error-nodejs"), or an existing layer
 * named by the `sharpLayerArn` context. Synthesis never downloads anything; without either,
 * the stack carries an error annotation, so `cdk synth`/`deploy` stop while unit tests still run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import { assetsBucket as assetsDefinition, uploadsBucket as uploadsDefinition } from '../../../definitions/buckets.ts';
import { dataSources } from '../../../definitions/data-sources.ts';
import { accessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { addAppFunctions, madeFor } from '../constructs/app-functions.ts';
import { repoRoot, type NodeFunction } from '../constructs/node-function.ts';
import { acknowledge } from '../nag/nag.ts';

export const defaultSharpLayerDir = path.join(repoRoot, 'infra', 'layers', 'sharp');

export interface StorageStackProps extends StackProps {
  production: boolean;
  table: dynamodb.ITable;
  /** HostingStack's assets bucket (served by CloudFront with OAC). */
  assetsBucket: s3.IBucket;
  /** `https://<assets distribution domain>`: the base of every avatarUrl. */
  assetsBaseUrl: string;
  /** Browser origins allowed to PUT uploads (the web app's). */
  corsOrigins: string[];
  /** A directory with `nodejs/node_modules/sharp` (+ `@img/*` for linux-arm64); default infra/layers/sharp. */
  sharpLayerDir?: string;
  /** An already published sharp layer (takes precedence over the directory). */
  sharpLayerArn?: string;
}

function sharpLayer(scope: Construct, props: StorageStackProps): lambda.ILayerVersion | undefined {
  if (props.sharpLayerArn) return lambda.LayerVersion.fromLayerVersionArn(scope, 'SharpLayer', props.sharpLayerArn);
  const dir = props.sharpLayerDir ?? defaultSharpLayerDir;
  if (!fs.existsSync(path.join(dir, 'nodejs', 'node_modules', 'sharp', 'package.json'))) return undefined;
  return new lambda.LayerVersion(scope, 'SharpLayer', {
    code: lambda.Code.fromAsset(dir),
    compatibleRuntimes: [lambda.Runtime.NODEJS_24_X],
    compatibleArchitectures: [lambda.Architecture.ARM_64],
    description: 'sharp + libvips for linux-arm64 (avatar renditions)',
  });
}

export class StorageStack extends Stack {
  readonly uploadsBucket: s3.Bucket;
  readonly thumbnail: NodeFunction;
  readonly avatarUpload: NodeFunction;
  readonly functions: NodeFunction[];

  constructor(scope: Construct, id: string, props: StorageStackProps) {
    super(scope, id, props);
    const expire = uploadsDefinition.expire!;
    this.uploadsBucket = new s3.Bucket(this, uploadsDefinition.logicalName, {
      serverAccessLogsBucket: accessLogsBucket(this, props.production),
      serverAccessLogsPrefix: 's3/uploads/',
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // The rule declared in definitions/buckets.ts, which the offline endpoint serves too.
      cors: uploadsDefinition.cors && [
        {
          allowedOrigins: props.corsOrigins,
          allowedMethods: uploadsDefinition.cors.allowedMethods.map((m) => s3.HttpMethods[m]),
          allowedHeaders: uploadsDefinition.cors.allowedHeaders,
          exposedHeaders: uploadsDefinition.cors.exposedHeaders,
          maxAge: uploadsDefinition.cors.maxAgeSeconds,
        },
      ],
      // Uploads live until the thumbnailer deletes them; anything it never saw goes after a day.
      lifecycleRules: [{ id: 'expire-stale-uploads', prefix: expire.prefix, expiration: Duration.days(expire.days), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const layer = sharpLayer(this, props);
    if (!layer) {
      Annotations.of(this).addError('No sharp layer for linux-arm64: run infra/scripts/build-sharp-layer.sh, or set the sharpLayerArn context.');
    }
    const made = addAppFunctions(this, 'storage', {
      table: props.table,
      buckets: { uploadsBucket: this.uploadsBucket, assetsBucket: props.assetsBucket },
      values: { tableName: props.table.tableName, uploadsBucket: this.uploadsBucket.bucketName, assetsBucket: props.assetsBucket.bucketName, assetsBaseUrl: props.assetsBaseUrl },
    });
    const notification = uploadsDefinition.notification!;
    const presigner = dataSources.find((d) => d.name === 'avatarUploads');
    if (!presigner || presigner.type !== 'AWS_LAMBDA') throw new Error('definitions/data-sources.ts: the avatarUploads Lambda data source is missing');
    this.thumbnail = madeFor(made, notification.handler, 'the uploads notification');
    this.avatarUpload = madeFor(made, presigner.handler, 'the avatarUploads data source');
    if (layer) this.thumbnail.addLayers(layer);
    this.uploadsBucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(this.thumbnail), { prefix: notification.prefix });
    // CDK's own singleton that applies the bucket's notification configuration.
    const notificationsHandler = this.node.findChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    acknowledge(notificationsHandler, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'CDK\'s bucket-notifications custom resource handler, run only at deploy time.');
    this.functions = [this.thumbnail, this.avatarUpload];

    new CfnOutput(this, 'UploadsBucketName', { value: this.uploadsBucket.bucketName });
    new CfnOutput(this, 'AssetsBucketName', { value: props.assetsBucket.bucketName, description: `${assetsDefinition.logicalName} (renditions)` });
  }
}
