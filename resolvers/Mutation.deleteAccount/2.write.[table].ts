import { util, type Context } from '@aws-appsync/utils';
import { tableName, tx } from '../lib/ddb.ts';
import { handleKey, userKey } from '../../definitions/keys.ts';
import { allNameWordKeys } from '../../definitions/name-search.ts';
import { deleteExisting } from '../lib/writes.ts';

/** Profile, name-search rows and claim go together; the claim only if it is still this caller's. */
export function request(ctx: Context) {
  const table = tableName(ctx);
  const me = ctx.stash.callerId;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      deleteExisting(table, userKey(me)),
      deleteExisting(table, handleKey(ctx.stash.handleLower), { expression: '#owner = :me', names: { '#owner': 'userId' }, values: { ':me': me } }),
      // Every position, filled or not: deleting a missing item is no error.
      ...allNameWordKeys(me).map((key) => tx(table, 'DeleteItem', key, {})),
    ],
  };
}

export function response(ctx: Context) {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:TransactionCanceledException') util.error('The account changed while deleting it; try again', 'ConflictError');
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.callerId;
}
