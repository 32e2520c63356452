import { util, type Context } from '@aws-appsync/utils';
import { presignRequest } from './lib/uploads.ts';

/**
 * Signed-in users only. The type and size are checked here for a clear ValidationError, then the
 * avatar-upload Lambda presigns a PUT that binds them (lambdas/avatar-upload).
 */
export function request(ctx: Context<{ contentType: string; contentLength: number }>) {
  return presignRequest(ctx, 'avatar');
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
