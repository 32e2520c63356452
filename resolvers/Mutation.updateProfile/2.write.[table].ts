import { runtime, util, type Context } from '@aws-appsync/utils';
import { tableName, tx } from '../lib/ddb.ts';
import { userKey } from '../../definitions/keys.ts';
import { nameIndexFor } from '../lib/text.ts';
import { failedConditions } from '../lib/writes.ts';
import type { Item } from '../lib/items.ts';

const exists = { expression: 'attribute_exists(#pk)', expressionNames: { '#pk': 'pk' } };

/**
 * The profile update; with a new name, in one transaction with the caller's name-search rows (put
 * the new name's, delete the positions it no longer fills), so search never shows a half-renamed
 * user. Nothing to change: straight to reading the profile.
 */
export function request(ctx: Context) {
  const me: string = ctx.stash.callerId;
  if (ctx.stash.update === undefined) runtime.earlyReturn(null);
  if (ctx.stash.displayName === undefined) {
    return { operation: 'UpdateItem', key: util.dynamodb.toMapValues(userKey(me)), update: ctx.stash.update, condition: exists };
  }
  const table = tableName(ctx);
  const index = nameIndexFor(me, ctx.stash.displayName);
  const items: Item[] = [tx(table, 'UpdateItem', userKey(me), { update: ctx.stash.update, condition: exists })];
  index.put.forEach((row) => items.push(tx(table, 'PutItem', row, { attributeValues: util.dynamodb.toMapValues(row) })));
  index.remove.forEach((key) => items.push(tx(table, 'DeleteItem', key, {})));
  return { operation: 'TransactWriteItems', transactItems: items };
}

export function response(ctx: Context) {
  const gone = ctx.error && (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException' || failedConditions(ctx).indexOf(0) >= 0);
  if (gone) util.error('Your profile does not exist', 'NotFound');
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return null;
}
