/**
 * The caller's uploads (avatars and crud images) as resolvers see them: a key is accepted only
 * when it is well formed and its owner segment is the caller, so nobody can read the status of,
 * or attach, someone else's upload. Status items are written by the thumbnailer
 * (lambdas/thumbnail/upload-status.ts); definitions/media.ts declares their keys.
 */
import { util, type Context } from '@aws-appsync/utils';
import { avatarRules } from '../../definitions/buckets.ts';
import { parseUploadKey, uploadStatusKey, type UploadKey } from '../../definitions/media.ts';
import { requireCaller } from './identity.ts';
import type { Item } from './items.ts';

/**
 * The presigner's Invoke for a signed-in caller's avatar or crud image: type and size are checked
 * here for a clear ValidationError; the Lambda checks them again and binds them in the signature.
 */
export function presignRequest(ctx: Context<{ contentType: string; contentLength: number }>, purpose: 'avatar' | 'media') {
  const userId = requireCaller(ctx);
  const { contentType, contentLength } = ctx.args;
  if (!avatarRules.contentTypes[contentType]) {
    util.error(`contentType must be one of ${Object.keys(avatarRules.contentTypes).join(', ')}`, 'ValidationError', null, { field: 'contentType' });
  }
  if (contentLength < 1 || contentLength > avatarRules.maxBytes) {
    util.error(`contentLength must be between 1 and ${avatarRules.maxBytes} bytes`, 'ValidationError', null, { field: 'contentLength', max: avatarRules.maxBytes });
  }
  return { operation: 'Invoke', payload: { userId, contentType, contentLength, purpose } };
}

/** Parses `key` and requires it to be one of `callerId`'s uploads (of `purpose`, when given). */
export function ownUpload(callerId: string, key: string, field: string, purpose?: 'avatar' | 'media'): UploadKey {
  const upload = parseUploadKey(key);
  if (!upload || (purpose && upload.purpose !== purpose)) {
    const what = purpose === 'media' ? 'a key returned by createMediaUpload' : 'a key returned by createAvatarUpload or createMediaUpload';
    util.error(`${field} must be ${what}`, 'ValidationError', null, { field });
  }
  if ((upload as UploadKey).userId !== callerId) util.error(`${field} is not one of your uploads`, 'Unauthorized', null, { field });
  return upload as UploadKey;
}

export const statusKeyOf = (upload: UploadKey) => uploadStatusKey(upload.userId, upload.uploadId);

/** A status item as the API's UploadStatus (no item yet: still PROCESSING, or never uploaded). */
export function uploadStatusFromItem(key: string, item: Item | null, nowSeconds: number): Item {
  if (!item || (item.expiresAt && item.expiresAt <= nowSeconds)) return { key, state: 'PROCESSING', message: null, url: null };
  return { key, state: item.state, message: item.message ?? null, url: item.url ?? null };
}
