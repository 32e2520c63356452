/**
 * Web hosting and the avatar CDN: private S3 buckets behind CloudFront with origin access control.
 * The web distribution falls back to index.html so client-side routes (/@handle/status/:id) load.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface HostingStackProps extends StackProps {
  production: boolean;
}

function privateBucket(scope: Construct, id: string, production: boolean): s3.Bucket {
  return new s3.Bucket(scope, id, {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !production,
  });
}

export class HostingStack extends Stack {
  readonly webBucket: s3.Bucket;
  readonly webDistribution: cloudfront.Distribution;
  readonly assetsBucket: s3.Bucket;
  readonly assetsDistribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: HostingStackProps) {
    super(scope, id, props);
    this.webBucket = privateBucket(this, 'WebBucket', props.production);
    this.webDistribution = new cloudfront.Distribution(this, 'WebDistribution', {
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.webBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
      // Single-page app: unknown paths are client routes.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) })),
    });

    // Avatars are written under content-addressed keys, so they can be cached for a year.
    this.assetsBucket = privateBucket(this, 'AssetsBucket', props.production);
    this.assetsDistribution = new cloudfront.Distribution(this, 'AssetsDistribution', {
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.assetsBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
    });
    new CfnOutput(this, 'WebUrl', { value: `https://${this.webDistribution.distributionDomainName}` });
    new CfnOutput(this, 'WebBucketName', { value: this.webBucket.bucketName });
    new CfnOutput(this, 'WebDistributionId', { value: this.webDistribution.distributionId });
    new CfnOutput(this, 'AssetsUrl', { value: `https://${this.assetsDistribution.distributionDomainName}` });
  }
}
