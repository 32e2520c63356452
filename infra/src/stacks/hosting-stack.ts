/**
 * Web hosting and the avatar CDN: private S3 buckets behind CloudFront with origin access control.
 * The web distribution falls back to index.html so client-side routes (/@handle/status/:id) load.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { MEDIA_PREFIX, mediaRules } from '../../../definitions/media.ts';
import { accessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { acknowledge } from '../nag/nag.ts';

export interface HostingStackProps extends StackProps {
  production: boolean;
}

function privateBucket(scope: Construct, id: string, production: boolean, logs: s3.IBucket): s3.Bucket {
  return new s3.Bucket(scope, id, {
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: `s3/${id}/`,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !production,
  });
}

/** What stays as CloudFront serves it, and why (docs/decisions/018-cdk-nag.md). */
function acknowledgeDistribution(distribution: cloudfront.Distribution): void {
  acknowledge(distribution, 'AwsSolutions-CFR1', 'A public social app served worldwide: no country is excluded.');
  acknowledge(distribution, 'AwsSolutions-CFR2', 'Static files from private S3 (OAC) behind CloudFront (Shield Standard); a CLOUDFRONT web ACL ($5/month + $1/rule + $0.60/M requests) would guard nothing the cache does not.');
  acknowledge(distribution, 'AwsSolutions-CFR4', 'The default *.cloudfront.net certificate fixes the minimum protocol at TLSv1; TLSv1.2_2021 needs a custom domain certificate.');
}

export class HostingStack extends Stack {
  readonly webBucket: s3.Bucket;
  readonly webDistribution: cloudfront.Distribution;
  readonly assetsBucket: s3.Bucket;
  readonly assetsDistribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: HostingStackProps) {
    super(scope, id, props);
    const logs = accessLogsBucket(this, props.production);
    this.webBucket = privateBucket(this, 'WebBucket', props.production, logs);
    this.webDistribution = new cloudfront.Distribution(this, 'WebDistribution', {
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.webBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
      // Single-page app: unknown paths are client routes.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) })),
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/web/',
    });

    // Avatars are written under content-addressed keys, so they can be cached for a year.
    this.assetsBucket = privateBucket(this, 'AssetsBucket', props.production, logs);
    // Backstop for crud images: the fan-out consumer deletes them with their crud; renditions of
    // an upload never attached, or a missed delete, go after the longest crud lifetime plus a day.
    this.assetsBucket.addLifecycleRule({ id: 'expire-crud-media', prefix: MEDIA_PREFIX, expiration: Duration.days(mediaRules.lifecycleDays) });
    this.assetsDistribution = new cloudfront.Distribution(this, 'AssetsDistribution', {
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.assetsBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/assets/',
    });
    for (const distribution of [this.webDistribution, this.assetsDistribution]) acknowledgeDistribution(distribution);
    new CfnOutput(this, 'WebUrl', { value: `https://${this.webDistribution.distributionDomainName}` });
    new CfnOutput(this, 'WebBucketName', { value: this.webBucket.bucketName });
    new CfnOutput(this, 'WebDistributionId', { value: this.webDistribution.distributionId });
    new CfnOutput(this, 'AssetsUrl', { value: `https://${this.assetsDistribution.distributionDomainName}` });
  }
}
