/**
 * The S3 client the avatar Lambdas share. The endpoint comes from the SDK's standard configuration
 * (AWS_ENDPOINT_URL_S3 offline), so handlers never know where they run. Path-style addressing is
 * switched on by S3_FORCE_PATH_STYLE (offline: `http://localhost:4569/<bucket>/<key>`).
 * Checksums only when required: the SDK's default would bake the CRC32 of an empty body into
 * presigned PUT URLs, which S3 then rejects for any real upload (aws/aws-sdk-js-v3#6810).
 */
import { S3Client } from '@aws-sdk/client-s3';

let client: S3Client | undefined;

/** One client per container, reused across invocations. */
export function s3Client(): S3Client {
  client ??= new S3Client({
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return client;
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
