/** Reading, refusing and discarding the uploaded object, shared by the avatar and the crud-image paths. */
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { UploadKey } from '../../definitions/media.ts';
import { s3Client } from '../avatar-upload/s3-client.ts';
import type { RejectedUpload } from './renditions.ts';
import { recordUploadStatus } from './upload-status.ts';

export type Outcome = { key: string; status: 'processed'; avatarUrl: string } | { key: string; status: 'rejected' | 'skipped'; reason: string };

/** Keys arrive URL-encoded with `+` for spaces; AWS's own examples decode them this way. */
export const decodeKey = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '));

export async function readUpload(bucket: string, key: string): Promise<Buffer | undefined> {
  try {
    const res = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await res.Body!.transformToByteArray());
  } catch (err) {
    // Already processed and deleted by an earlier delivery of the same event.
    if (err instanceof NoSuchKey) return undefined;
    throw err;
  }
}

export const discard = (bucket: string, key: string) => s3Client().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));


/** A refused upload: the uploader is told why (uploadStatus), the object goes, the logs get the detail. */
export async function refuseUpload(bucket: string, key: string, upload: UploadKey, err: RejectedUpload, logger: Logger): Promise<Outcome> {
  await recordUploadStatus(upload, key, { state: 'REJECTED', message: err.forUploader });
  await discard(bucket, key);
  logger.warn('upload rejected', { key, userId: upload.userId, purpose: upload.purpose, reason: err.message });
  return { key, status: 'rejected', reason: err.message };
}
