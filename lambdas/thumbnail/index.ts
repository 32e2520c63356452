/**
 * S3 object-created → renditions. Images for cruds (`uploads/<sub>/media/…`) are handled by
 * media-upload.ts; for each uploaded avatar `uploads/<sub>/<random>.<ext>`:
 * validate it is a real image, write 512×512 and 128×128 JPEG and WebP renditions to the assets
 * bucket under a content-addressed key (`avatars/<sub>/<sha256>/512.webp` …, cached for a year
 * by the CDN, never stale because a new avatar is a new key), point the profile's `avatarUrl` at
 * the 512 WebP and delete the upload. Bad input is deleted and logged, never retried; failures of
 * S3 or DynamoDB are thrown, so Lambda's asynchronous retries run the record again (every step is
 * idempotent). The profile change reaches clients through the table's stream (`publish` consumer →
 * onUserChanged). Either way the outcome is recorded for the uploader (upload-status.ts): a
 * refused image must not leave the web app waiting for a change that never comes.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ConditionalCheckFailedException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { userKey } from '../../definitions/keys.ts';
import { avatarKey, avatarRules, IMMUTABLE_CACHE_CONTROL } from '../../definitions/buckets.ts';
import { parseUploadKey } from '../../definitions/media.ts';
import { requiredEnv, s3Client } from '../avatar-upload/s3-client.ts';
import { instrument, powertools } from '../shared/powertools.ts';
import { dynamoClient, tableName } from '../shared/table.ts';
import { processMediaUpload } from './media-upload.ts';
import { decodeKey, discard, readUpload, refuseUpload, type Outcome } from './uploads.ts';
import { contentHash, makeRenditions, REFUSALS, RejectedUpload } from './renditions.ts';
import { recordUploadStatus } from './upload-status.ts';

const tools = powertools('thumbnail');
const { logger } = tools;

/** The fields of S3's event message this handler reads ("Event message structure", 2.1). */
export interface S3ObjectCreatedEvent {
  Records: {
    eventTime: string;
    eventName: string;
    s3: { bucket: { name: string }; object: { key: string; size: number } };
  }[];
}

export { decodeKey, type Outcome } from './uploads.ts';

/** Sets avatarUrl unless a newer upload already did (events may arrive out of order). */
async function setAvatar(userId: string, avatarUrl: string, uploadedAt: string): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateItemCommand({
        TableName: tableName(),
        Key: marshall(userKey(userId)),
        UpdateExpression: 'SET avatarUrl = :url, avatarUpdatedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(avatarUpdatedAt) OR avatarUpdatedAt <= :at)',
        ExpressionAttributeValues: marshall({ ':url': avatarUrl, ':at': uploadedAt }),
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

async function processRecord(record: S3ObjectCreatedEvent['Records'][number]): Promise<Outcome> {
  const bucket = record.s3.bucket.name;
  const key = decodeKey(record.s3.object.key);
  const upload = parseUploadKey(key);
  if (!upload) {
    await discard(bucket, key);
    logger.warn('upload rejected: unexpected key', { bucket, key });
    return { key, status: 'rejected', reason: 'unexpected key' };
  }
  if (record.s3.object.size > avatarRules.maxBytes) {
    await recordUploadStatus(upload, key, { state: 'REJECTED', message: REFUSALS.size });
    await discard(bucket, key);
    logger.warn('upload rejected: too large', { key, size: record.s3.object.size });
    return { key, status: 'rejected', reason: 'too large' };
  }
  const bytes = await readUpload(bucket, key);
  if (!bytes) return { key, status: 'skipped', reason: 'already processed' };
  if (upload.purpose === 'media') return processMediaUpload(bucket, key, upload, bytes, logger);
  const { userId } = upload;
  let renditions;
  try {
    renditions = await makeRenditions(bytes);
  } catch (err) {
    if (!(err instanceof RejectedUpload)) throw err;
    return refuseUpload(bucket, key, upload, err, logger);
  }
  const hash = contentHash(bytes);
  const assets = requiredEnv('ASSETS_BUCKET');
  await Promise.all(
    renditions.map((r) =>
      s3Client().send(
        new PutObjectCommand({ Bucket: assets, Key: avatarKey(userId, hash, r.size, r.format), Body: r.body, ContentType: r.contentType, CacheControl: IMMUTABLE_CACHE_CONTROL }),
      ),
    ),
  );
  const avatarUrl = `${requiredEnv('ASSETS_BASE_URL').replace(/\/$/, '')}/${avatarKey(userId, hash, avatarRules.profileSize, avatarRules.profileFormat)}`;
  const updated = await setAvatar(userId, avatarUrl, record.eventTime);
  await recordUploadStatus(upload, key, { state: 'READY', url: avatarUrl });
  await discard(bucket, key);
  logger.info(updated ? 'avatar updated' : 'avatar not applied: newer avatar or no profile', { userId, key, avatarUrl });
  return updated ? { key, status: 'processed', avatarUrl } : { key, status: 'skipped', reason: 'newer avatar or no profile' };
}

async function handle(event: S3ObjectCreatedEvent): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const record of event.Records ?? []) {
    if (!record.eventName?.startsWith('ObjectCreated:')) continue;
    outcomes.push(await processRecord(record));
  }
  return outcomes;
}

/** The Lambda entry point: `handle` with Powertools logging context, cold-start and error metrics, tracing. */
export const handler = instrument(tools, handle);
