import { type Context } from '@aws-appsync/utils';
import { checkAttachments, type MediaInput } from '../lib/attachments.ts';
import { requireCaller } from '../lib/identity.ts';
import { LIMITS, requireText } from '../lib/validate.ts';

/**
 * Replies to a live crud. The reply expires when it chose (expiresIn), capped at its parent's
 * expiry, or with its parent when it chose nothing (a thread cannot outlive its crud); and the
 * parent's repliesCount moves in the same transaction (the original never counted them). Images
 * follow createCrud's rules (lib/attachments.ts): checked here, their status read in 2.uploads,
 * consumed in 3.write's transaction.
 */
export function request(ctx: Context<{ crudId: string; message: string; expiresIn?: string | null; media?: MediaInput[] | null }>) {
  ctx.stash.callerId = requireCaller(ctx);
  ctx.stash.message = requireText('message', ctx.args.message, LIMITS.crud);
  checkAttachments(ctx, ctx.stash.callerId, ctx.args.media);
  return {};
}

export { lastResult as response } from '../lib/pipeline.ts';
