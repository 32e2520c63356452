import { type Context } from '@aws-appsync/utils';
import { raiseIfError, tableName } from './lib/ddb.ts';
import { batchGet, byId } from './lib/batch.ts';
import { conversationMembers, userKey } from '../definitions/keys.ts';
import { userFromItem } from './lib/items.ts';

/** Both members' profiles in one BatchGetItem, in id order. */
export function request(ctx: Context) {
  ctx.stash.memberIds = conversationMembers(ctx.source.id);
  return batchGet(tableName(ctx), ctx.stash.memberIds.map(userKey));
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  const users = byId(ctx.result, tableName(ctx));
  const ids: string[] = ctx.stash.memberIds;
  return ids.filter((id) => !!users[id]).map((id) => userFromItem(users[id]));
}
