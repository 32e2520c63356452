import { util, type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';
import { LIMITS, requireText } from '../lib/validate.ts';

/**
 * Sends a direct message, either into a conversation the caller belongs to (`conversationId`) or
 * to a user (`toHandle`), which reuses the pair's one conversation: its id is derived from the two
 * user ids, so there is nothing to look up and two first messages sent at once meet in it.
 */
export function request(ctx: Context<{ conversationId?: string | null; toHandle?: string | null; body: string }>) {
  ctx.stash.callerId = requireCaller(ctx);
  ctx.stash.body = requireText('body', ctx.args.body, LIMITS.message);
  const byId = !!ctx.args.conversationId;
  const byHandle = !!ctx.args.toHandle;
  if (byId === byHandle) util.error('Give exactly one of conversationId and toHandle', 'ValidationError', null, { field: 'conversationId' });
  return {};
}

export { lastResult as response } from '../lib/pipeline.ts';
