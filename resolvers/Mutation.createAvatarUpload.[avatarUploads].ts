import { util, type Context } from '@aws-appsync/utils';
import { avatarRules } from '../definitions/buckets.ts';
import { requireCaller } from './lib/identity.ts';

/**
 * Signed-in users only. The type and size are checked here for a clear ValidationError, then the
 * avatar-upload Lambda presigns a PUT that binds them (lambdas/avatar-upload).
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
  return { operation: 'Invoke', payload: { userId, contentType, contentLength } };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
