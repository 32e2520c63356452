/**
 * Building blocks of Cruddur's transactional writes. Every counter changes in the same
 * TransactWriteItems as the edge it counts, guarded by a condition on the edge, so a retried or
 * repeated like/follow cannot count twice and counters never drift.
 */
import { util, type Context } from '@aws-appsync/utils';
import { cancellationCodes, tx, values } from './ddb.ts';
import type { Key } from '../../definitions/keys.ts';
import type { Item } from './items.ts';

/** Put `item` at `key` only if nothing is there yet. */
export function putNew(table: string, key: Key, item: Item): Item {
  return tx(table, 'PutItem', key, {
    attributeValues: util.dynamodb.toMapValues(item),
    condition: { expression: 'attribute_not_exists(#pk)', expressionNames: { '#pk': 'pk' } },
  });
}

/** Delete `key` only if it exists (so "already gone" is detectable and nothing is decremented twice). */
export function deleteExisting(table: string, key: Key, extra?: { expression: string; names: Record<string, string>; values: Item }): Item {
  const names: Record<string, string> = Object.assign({ '#pk': 'pk' }, extra ? extra.names : {});
  const condition: Item = { expression: extra ? `attribute_exists(#pk) AND (${extra.expression})` : 'attribute_exists(#pk)', expressionNames: names };
  if (extra) condition.expressionValues = values(extra.values);
  return tx(table, 'DeleteItem', key, { condition });
}

/**
 * `ADD <counter> :by` on an existing item; `liveAt` additionally requires the item not to have
 * expired (a crud past its expiresAt takes no new likes, replies or reposts).
 */
export function bump(table: string, key: Key, counter: string, by: number, liveAt?: number): Item {
  const condition: Item =
    liveAt === undefined
      ? { expression: 'attribute_exists(#pk)', expressionNames: { '#pk': 'pk' } }
      : {
          expression: 'attribute_exists(#pk) AND #exp > :now',
          expressionNames: { '#pk': 'pk', '#exp': 'expiresAt' },
          expressionValues: values({ ':now': liveAt }),
        };
  return tx(table, 'UpdateItem', key, {
    update: { expression: 'ADD #c :by', expressionNames: { '#c': counter }, expressionValues: values({ ':by': by }) },
    condition,
  });
}

/** Which transaction items failed their condition (by index), after a TransactionCanceledException. */
export function failedConditions(ctx: Context): number[] {
  const failed: number[] = [];
  cancellationCodes(ctx).forEach((code, i) => {
    if (code === 'ConditionalCheckFailed') failed.push(i);
  });
  return failed;
}

/** Raises the data-source error unless it is a cancellation whose failed conditions are all in `tolerated`. */
export function raiseUnlessTolerated(ctx: Context, tolerated: number[]): void {
  if (!ctx.error) return;
  const failed = failedConditions(ctx);
  const codes = cancellationCodes(ctx);
  const otherFailures = codes.filter((code) => code !== 'None' && code !== 'ConditionalCheckFailed' && code !== '');
  if (failed.length > 0 && otherFailures.length === 0 && failed.every((i) => tolerated.indexOf(i) >= 0)) return;
  util.error(ctx.error.message, ctx.error.type);
}
