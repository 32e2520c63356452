import { runtime, type Context } from '@aws-appsync/utils';
import { hiddenRequest, hiddenResponse } from '../lib/safety.ts';

export function request(ctx: Context) {
  if (!ctx.stash.crud) runtime.earlyReturn(0);
  return hiddenRequest(ctx);
}

export function response(ctx: Context) {
  return hiddenResponse(ctx, false);
}
