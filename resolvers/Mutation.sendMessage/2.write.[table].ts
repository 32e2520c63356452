import { util, type Context } from '@aws-appsync/utils';
import { tableName } from '../lib/ddb.ts';
import { messageFromItem } from '../lib/items.ts';
import { conversationUpsert, memberUpsert, messageItem, newMessage } from '../lib/messages.ts';
import { putNew } from '../lib/writes.ts';
import { blockedError, notBlockedChecks } from '../lib/safety.ts';

export function request(ctx: Context) {
  const m = newMessage(ctx.stash.conversationId, ctx.stash.callerId, ctx.stash.peerId, ctx.stash.body);
  const item = messageItem(m);
  ctx.stash.item = item;
  const table = tableName(ctx);
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      putNew(table, { pk: item.pk, sk: item.sk }, item),
      memberUpsert(table, m, m.senderId),
      memberUpsert(table, m, m.peerId),
      conversationUpsert(table, m),
    ].concat(notBlockedChecks(table, m.senderId, m.peerId)),
  };
}

export function response(ctx: Context) {
  if (ctx.error) {
    blockedError(ctx, 4, 'message this account');
    if (ctx.error.type === 'DynamoDB:TransactionCanceledException') util.error('The conversation changed while sending; try again', 'ConflictError');
    util.error(ctx.error.message, ctx.error.type);
  }
  return messageFromItem(ctx.stash.item);
}
