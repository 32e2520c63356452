import { util, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from '../lib/ddb.ts';
import { conversationIdFor, memberKey } from '../../definitions/keys.ts';
import { handleLookupRequest } from '../lib/handles.ts';

/** Finds the other member: through the handle claim, or through the caller's own member row (members only). */
export function request(ctx: Context<{ conversationId?: string | null; toHandle?: string | null }>) {
  if (ctx.args.toHandle) return handleLookupRequest(ctx.args.toHandle);
  return getItem(memberKey(ctx.stash.callerId, ctx.args.conversationId as string), true);
}

export function response(ctx: Context<{ conversationId?: string | null; toHandle?: string | null }>) {
  raiseIfError(ctx);
  const me: string = ctx.stash.callerId;
  if (ctx.args.toHandle) {
    if (!ctx.result) util.error('No user with that handle', 'NotFound');
    const peer: string = ctx.result.userId;
    if (peer === me) util.error('You cannot message yourself', 'ValidationError', null, { field: 'toHandle' });
    ctx.stash.peerId = peer;
    ctx.stash.conversationId = conversationIdFor(me, peer);
  } else {
    if (!ctx.result) util.unauthorized();
    ctx.stash.peerId = ctx.result.peerId;
    ctx.stash.conversationId = ctx.result.conversationId;
  }
  return ctx.stash.peerId;
}
