import { type Context } from '@aws-appsync/utils';
import { handleLookupRequest, handleLookupResponse } from '../lib/handles.ts';

export function request(ctx: Context<{ handle: string }>) {
  return handleLookupRequest(ctx.args.handle);
}

export function response(ctx: Context) {
  ctx.stash.userId = handleLookupResponse(ctx);
  return ctx.stash.userId;
}
