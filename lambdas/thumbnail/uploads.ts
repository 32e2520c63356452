/** Reading and discarding the uploaded object, shared by the avatar and the crud-image paths. */
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { s3Client } from '../avatar-upload/s3-client.ts';

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

