import { util, type Context } from '@aws-appsync/utils';
import { presignRequest } from './lib/uploads.ts';

/**
 * An image for a crud: the avatar's rules (JPEG, PNG or WebP, at most 5 MB) and the same presigner,
 * asked for a `uploads/<sub>/media/…` key. The thumbnailer records the outcome (uploadStatus) and
 * createCrud attaches the processed image.
 */
export function request(ctx: Context<{ contentType: string; contentLength: number }>) {
  return presignRequest(ctx, 'media');
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
