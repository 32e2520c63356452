/**
 * The bucket a stack's S3 server access logs (and CloudFront standard logs) go to. CloudFront's
 * standard logging writes with ACLs, so this one bucket keeps ACLs enabled (BucketOwnerPreferred);
 * logs expire after 90 days to bound their cost.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag/nag.ts';

export function accessLogsBucket(scope: Construct, production: boolean): s3.Bucket {
  const bucket = new s3.Bucket(scope, 'AccessLogsBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90) }],
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !production,
  });
  acknowledge(bucket, 'AwsSolutions-S1', 'This is the access-log destination; logging it into itself would log its own log writes.');
  return bucket;
}
