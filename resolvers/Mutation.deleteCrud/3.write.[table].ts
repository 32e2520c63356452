import { util, type Context } from '@aws-appsync/utils';
import { tableName } from '../lib/ddb.ts';
import { crudKey, userKey } from '../../definitions/keys.ts';
import { bump, deleteExisting } from '../lib/writes.ts';
import type { Item } from '../lib/items.ts';

export function request(ctx: Context) {
  const crud = ctx.stash.crud;
  const table = tableName(ctx);
  const items: Item[] = [
    deleteExisting(table, crudKey(crud.id), { expression: '#author = :me', names: { '#author': 'authorId' }, values: { ':me': ctx.stash.callerId } }),
  ];
  if (!crud.replyToId) items.push(bump(table, userKey(crud.authorId), 'crudsCount', -1));
  if (crud.replyToId && ctx.prev.result === true) items.push(bump(table, crudKey(crud.replyToId), 'repliesCount', -1));
  return { operation: 'TransactWriteItems', transactItems: items };
}

export function response(ctx: Context) {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:TransactionCanceledException') util.error('The crud changed while deleting it; try again', 'ConflictError');
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.crud.id;
}
