import { util, type Context } from '@aws-appsync/utils';
import { requireCaller } from './lib/identity.ts';
import { getItem, raiseIfError } from './lib/ddb.ts';
import { ownUpload, statusKeyOf, uploadStatusFromItem } from './lib/uploads.ts';

/** What became of one of the caller's uploads; the web app polls it after a PUT until READY or REJECTED. */
export function request(ctx: Context<{ key: string }>) {
  const upload = ownUpload(requireCaller(ctx), ctx.args.key, 'key');
  return getItem(statusKeyOf(upload), true);
}

export function response(ctx: Context<{ key: string }>) {
  raiseIfError(ctx);
  return uploadStatusFromItem(ctx.args.key, ctx.result, util.time.nowEpochSeconds());
}
