/**
 * The outcome of an upload, kept where its uploader can ask for it (`uploadStatus`): READY with
 * the result, or REJECTED with a message meant for a person. Without it a refused avatar left the
 * web app waiting for a profile change that never came. Written with UpdateItem (the grant the
 * thumbnailer already has), expiring a day later like the upload itself.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { UPLOAD_STATUS_TTL_SECONDS, uploadStatusKey, type UploadKey } from '../../definitions/media.ts';
import { ItemType } from '../../definitions/keys.ts';
import { dynamoClient, tableName } from '../shared/table.ts';

export type UploadResult =
  | { state: 'READY'; url: string; thumbnailUrl?: string; width?: number; height?: number }
  | { state: 'REJECTED'; message: string };

/** Records what became of `upload` (each upload is processed once: a redelivered event finds it gone). */
export async function recordUploadStatus(upload: UploadKey, key: string, result: UploadResult): Promise<void> {
  const item: Record<string, unknown> = {
    type: ItemType.UPLOAD,
    key,
    purpose: upload.purpose,
    ...result,
    expiresAt: Math.floor(Date.now() / 1000) + UPLOAD_STATUS_TTL_SECONDS,
  };
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(item)
    .filter(([, value]) => value !== undefined)
    .map(([name, value], i) => {
    names[`#a${i}`] = name;
    values[`:v${i}`] = value;
    return `#a${i} = :v${i}`;
  });
  await dynamoClient().send(
    new UpdateItemCommand({
      TableName: tableName(),
      Key: marshall(uploadStatusKey(upload.userId, upload.uploadId)),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: marshall(values),
    }),
  );
}
