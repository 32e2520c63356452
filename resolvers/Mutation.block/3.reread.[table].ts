import { type Context } from '@aws-appsync/utils';
import { getItem } from '../lib/ddb.ts';
import { userKey } from '../../definitions/keys.ts';
import { rereadResponse } from '../lib/safety.ts';

export function request(ctx: Context) {
  return getItem(userKey(ctx.stash.targetId), true);
}

export function response(ctx: Context) {
  return rereadResponse(ctx, 'viewerBlocks', true);
}
