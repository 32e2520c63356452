/**
 * A crud's images go with it: when its item is removed (deleted, or expired by TTL) every
 * rendition of every attached upload is deleted from the assets bucket. DeleteObject of a missing
 * key succeeds in S3, so a retried record deletes nothing twice. The assets bucket's lifecycle
 * rule on `media/` (definitions/media.ts) is the backstop for anything missed here.
 */
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { mediaKeys } from '../../definitions/media.ts';
import { requiredEnv, s3Client } from '../avatar-upload/s3-client.ts';
import type { Item } from './table-ops.ts';

export async function onCrudRemovedMedia(crud: Item): Promise<void> {
  const media = (crud.media as { uploadId: string }[] | undefined) ?? [];
  if (media.length === 0) return;
  const bucket = requiredEnv('ASSETS_BUCKET');
  const keys = media.flatMap((m) => mediaKeys(crud.authorId as string, m.uploadId));
  await Promise.all(keys.map((Key) => s3Client().send(new DeleteObjectCommand({ Bucket: bucket, Key }))));
}
