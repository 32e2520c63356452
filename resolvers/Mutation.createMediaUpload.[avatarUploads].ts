import { util, type Context } from '@aws-appsync/utils';
import { avatarRules } from '../definitions/buckets.ts';
import { requireCaller } from './lib/identity.ts';

/**
 * An image for a crud: the avatar's rules (JPEG, PNG or WebP, at most 5 MB) and the same presigner,
 * asked for a `uploads/<sub>/media/…` key. The thumbnailer records the outcome (uploadStatus) and
 * createCrud attaches the processed image.
 */
export function request(ctx: Context<{ contentType: string; contentLength: number }>) {
  const userId = requireCaller(ctx);
  const { contentType, contentLength } = ctx.args;
  if (!avatarRules.contentTypes[contentType]) {
    util.error(`contentType must be one of ${Object.keys(avatarRules.contentTypes).join(', ')}`, 'ValidationError', null, { field: 'contentType' });
  }
  if (contentLength < 1 || contentLength > avatarRules.maxBytes) {
    util.error(`contentLength must be between 1 and ${avatarRules.maxBytes} bytes`, 'ValidationError', null, { field: 'contentLength', max: avatarRules.maxBytes });
  }
  return { operation: 'Invoke', payload: { userId, contentType, contentLength, purpose: 'media' } };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
