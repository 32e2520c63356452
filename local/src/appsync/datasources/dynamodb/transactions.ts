/**
 * TransactGetItems and TransactWriteItems ("TransactGetItems", "TransactWriteItems" and
 * "Transaction condition expressions" pages). Gets give `{items: [item | null]}`; writes give
 * `{keys: [key]}` in request order. A cancelled transaction gives the error
 * `DynamoDB:TransactionCanceledException` and `ctx.result = {keys: null, cancellationReasons:
 * [{type, message, item?}]}` — `item` (the current item) when the failing entry's
 * `condition.returnValuesOnConditionCheckFailure` is true, the default.
 */
import {
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  type TransactWriteItem,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import type { DataSourceResponse } from '../types.ts';
import type { BatchTarget } from './batch.ts';
import { toErrorResponse } from './errors.ts';
import { ExpressionParts } from './expressions.ts';
import { plainItem, RequestShapeError, toAttributeMap } from './values.ts';

type Entry = Record<string, unknown>;

function entries(req: Record<string, unknown>): Entry[] {
  if (!Array.isArray(req.transactItems) || req.transactItems.length === 0) throw new RequestShapeError('transactItems must be a non-empty list');
  return req.transactItems as Entry[];
}

function tableOf(t: BatchTarget, e: Entry, i: number): string {
  if (typeof e?.table !== 'string') throw new RequestShapeError(`transactItems[${i}].table must be a string`);
  return t.physical(e.table);
}

export async function transactGetItems(t: BatchTarget, req: Record<string, unknown>): Promise<DataSourceResponse> {
  const TransactItems = entries(req).map((e, i) => {
    const parts = new ExpressionParts();
    const projection = parts.projection(e.projection, `transactItems[${i}].projection`);
    return { Get: { TableName: tableOf(t, e, i), Key: toAttributeMap(e.key, `transactItems[${i}].key`), ...(projection ? { ProjectionExpression: projection } : {}), ...parts.fields() } };
  });
  try {
    const out = await t.client.send(new TransactGetItemsCommand({ TransactItems }));
    return { result: { items: (out.Responses ?? []).map((r) => plainItem(r.Item)), cancellationReasons: null } };
  } catch (err) {
    return cancellation(err, 'items');
  }
}

function writeItem(t: BatchTarget, e: Entry, i: number): TransactWriteItem {
  const where = `transactItems[${i}]`;
  const TableName = tableOf(t, e, i);
  const Key = toAttributeMap(e.key, `${where}.key`);
  const parts = new ExpressionParts();
  const update = e.operation === 'UpdateItem' ? parts.add(e.update, `${where}.update`) : undefined;
  const condition = parts.add(e.condition, `${where}.condition`);
  const returnOld = (e.condition as { returnValuesOnConditionCheckFailure?: boolean } | undefined)?.returnValuesOnConditionCheckFailure !== false;
  const common = {
    TableName,
    ...(condition ? { ConditionExpression: condition } : {}),
    ...(condition && returnOld ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
    ...parts.fields(),
  };
  switch (e.operation) {
    case 'PutItem':
      return { Put: { ...common, Item: { ...toAttributeMap(e.attributeValues ?? {}, `${where}.attributeValues`), ...Key } } };
    case 'UpdateItem':
      if (!update) throw new RequestShapeError(`${where}.update.expression is required`);
      return { Update: { ...common, Key, UpdateExpression: update } };
    case 'DeleteItem':
      return { Delete: { ...common, Key } };
    case 'ConditionCheck':
      if (!condition) throw new RequestShapeError(`${where}.condition is required for ConditionCheck`);
      return { ConditionCheck: { ...common, Key, ConditionExpression: condition } };
    default:
      throw new RequestShapeError(`${where}.operation must be PutItem, UpdateItem, DeleteItem or ConditionCheck`);
  }
}

export async function transactWriteItems(t: BatchTarget, req: Record<string, unknown>): Promise<DataSourceResponse> {
  const list = entries(req);
  const TransactItems = list.map((e, i) => writeItem(t, e, i));
  try {
    await t.client.send(new TransactWriteItemsCommand({ TransactItems }));
    return { result: { keys: list.map((e) => plainItem(toAttributeMap(e.key, 'key'))), cancellationReasons: null } };
  } catch (err) {
    return cancellation(err, 'keys');
  }
}

function cancellation(err: unknown, field: 'keys' | 'items'): DataSourceResponse {
  if (!(err instanceof TransactionCanceledException)) return toErrorResponse(err);
  const cancellationReasons = (err.CancellationReasons ?? []).map((r) => ({
    type: r.Code ?? 'None',
    message: r.Message ?? null,
    ...(r.Item ? { item: plainItem(r.Item) } : {}),
  }));
  return {
    result: { [field]: null, cancellationReasons },
    error: { type: 'DynamoDB:TransactionCanceledException', message: err.message, data: { cancellationReasons } },
  };
}
