import { type Context } from '@aws-appsync/utils';
import { hiddenRequest, hiddenResponse } from '../lib/safety.ts';

/** The caller's blocks, both ways: a blocked or blocking account's cruds leave every crud page. */
export function request(ctx: Context) {
  return hiddenRequest(ctx);
}

export function response(ctx: Context) {
  const count = hiddenResponse(ctx, false);
  ctx.stash.cruds = (ctx.stash.cruds as { authorId: string }[]).filter((c) => !ctx.stash.hidden[c.authorId]);
  return count;
}
