/**
 * An uploaded image for a crud: renditions under `media/<sub>/<upload id>/` in the assets bucket
 * (immutable, per upload so deleting one crud's images never touches another's), the outcome
 * recorded for the uploader (READY with URLs and size, or REJECTED with a message), the upload
 * deleted. Nothing is attached here: createCrud takes READY uploads and consumes their status.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { IMMUTABLE_CACHE_CONTROL } from '../../definitions/buckets.ts';
import { mediaKey, mediaRules, type UploadKey } from '../../definitions/media.ts';
import { requiredEnv, s3Client } from '../avatar-upload/s3-client.ts';
import type { Logger } from '@aws-lambda-powertools/logger';
import { discard, refuseUpload, type Outcome } from './uploads.ts';
import { makeMediaRenditions } from './media.ts';
import { RejectedUpload } from './renditions.ts';
import { recordUploadStatus } from './upload-status.ts';

export async function processMediaUpload(bucket: string, key: string, upload: UploadKey, bytes: Buffer, logger: Logger): Promise<Outcome> {
  let renditions;
  try {
    renditions = await makeMediaRenditions(bytes);
  } catch (err) {
    if (!(err instanceof RejectedUpload)) throw err;
    return refuseUpload(bucket, key, upload, err, logger);
  }
  const assets = requiredEnv('ASSETS_BUCKET');
  const base = requiredEnv('ASSETS_BASE_URL').replace(/\/$/, '');
  const urlOf = (size: number) => `${base}/${mediaKey(upload.userId, upload.uploadId, size)}`;
  await Promise.all(
    renditions.map((r) =>
      s3Client().send(
        new PutObjectCommand({ Bucket: assets, Key: mediaKey(upload.userId, upload.uploadId, r.size), Body: r.body, ContentType: 'image/webp', CacheControl: IMMUTABLE_CACHE_CONTROL }),
      ),
    ),
  );
  const large = renditions.find((r) => r.size === mediaRules.renditions.large)!;
  const url = urlOf(mediaRules.renditions.large);
  await recordUploadStatus(upload, key, { state: 'READY', url, thumbnailUrl: urlOf(mediaRules.renditions.small), width: large.width, height: large.height });
  await discard(bucket, key);
  logger.info('image processed', { key, userId: upload.userId, url });
  return { key, status: 'processed', avatarUrl: url };
}
