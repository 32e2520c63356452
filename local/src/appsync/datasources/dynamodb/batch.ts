/**
 * BatchGetItem, BatchPutItem and BatchDeleteItem ("BatchGetItem", "BatchPutItem",
 * "BatchDeleteItem" pages). Tables are named in the request; the app's logical table name maps to
 * the physical one, any other name is used as is. Results keep the request's order per table:
 * `{data: {table: [item | null]}, unprocessedKeys}` for gets (null where no item was found),
 * `{data: {table: [item]}, unprocessedItems}` for puts, `{data: {table: [key]}, unprocessedKeys}`
 * for deletes. Batches are not retried: unprocessed entries are the resolver's to handle.
 */
import type { DynamoSender } from './request-id.ts';
import { BatchGetItemCommand, BatchWriteItemCommand, type AttributeValue, type KeysAndAttributes, type WriteRequest } from '@aws-sdk/client-dynamodb';
import type { DataSourceResponse } from '../types.ts';
import { ExpressionParts } from './expressions.ts';
import { plainItem, RequestShapeError, toAttributeMap } from './values.ts';

type Item = Record<string, AttributeValue>;

export interface BatchTarget {
  client: DynamoSender;
  /** Request table name → physical table name. */
  physical(name: string): string;
}

function tablesOf(req: Record<string, unknown>): [string, unknown][] {
  const tables = req.tables;
  if (!tables || typeof tables !== 'object' || Object.keys(tables).length === 0) throw new RequestShapeError('tables must name at least one table');
  return Object.entries(tables as Record<string, unknown>);
}

const sameKey = (key: Item, item: Item) => Object.keys(key).every((k) => JSON.stringify(key[k]) === JSON.stringify(item[k]));

export async function batchGetItem(t: BatchTarget, req: Record<string, unknown>): Promise<DataSourceResponse> {
  const requested: Record<string, Item[]> = {};
  const RequestItems: Record<string, KeysAndAttributes> = {};
  for (const [name, spec] of tablesOf(req)) {
    const s = spec as { keys?: unknown[]; consistentRead?: boolean; projection?: unknown };
    if (!Array.isArray(s?.keys)) throw new RequestShapeError(`tables.${name}.keys must be a list`);
    const keys = s.keys.map((k, i) => toAttributeMap(k, `tables.${name}.keys[${i}]`));
    requested[name] = keys;
    const parts = new ExpressionParts();
    const projection = parts.projection(s.projection, `tables.${name}.projection`);
    RequestItems[t.physical(name)] = { Keys: keys, ...(s.consistentRead ? { ConsistentRead: true } : {}), ...(projection ? { ProjectionExpression: projection } : {}), ...parts.fields() };
  }
  const out = await t.client.send(new BatchGetItemCommand({ RequestItems }));
  const data: Record<string, unknown[]> = {};
  const unprocessedKeys: Record<string, unknown[]> = {};
  for (const [name, keys] of Object.entries(requested)) {
    const found = out.Responses?.[t.physical(name)] ?? [];
    const unprocessed = out.UnprocessedKeys?.[t.physical(name)]?.Keys ?? [];
    data[name] = keys.map((k) => (unprocessed.some((u) => sameKey(k, u)) ? null : plainItem(found.find((item) => sameKey(k, item)))));
    unprocessedKeys[name] = unprocessed.map(plainItem);
  }
  return { result: { data, unprocessedKeys } };
}

async function batchWrite(t: BatchTarget, req: Record<string, unknown>, kind: 'put' | 'delete'): Promise<DataSourceResponse> {
  const requested: Record<string, Item[]> = {};
  const RequestItems: Record<string, WriteRequest[]> = {};
  for (const [name, entries] of tablesOf(req)) {
    if (!Array.isArray(entries)) throw new RequestShapeError(`tables.${name} must be a list`);
    const values = entries.map((e, i) => toAttributeMap(e, `tables.${name}[${i}]`));
    requested[name] = values;
    RequestItems[t.physical(name)] = values.map((v) => (kind === 'put' ? { PutRequest: { Item: v } } : { DeleteRequest: { Key: v } }));
  }
  const out = await t.client.send(new BatchWriteItemCommand({ RequestItems }));
  const data: Record<string, unknown[]> = {};
  const unprocessed: Record<string, unknown[]> = {};
  for (const [name, values] of Object.entries(requested)) {
    const left = (out.UnprocessedItems?.[t.physical(name)] ?? []).map((w) => (kind === 'put' ? w.PutRequest!.Item! : w.DeleteRequest!.Key!));
    data[name] = values.map((v) => (left.some((l) => sameKey(v, l) && sameKey(l, v)) ? null : plainItem(v)));
    unprocessed[name] = left.map(plainItem);
  }
  return { result: kind === 'put' ? { data, unprocessedItems: unprocessed } : { data, unprocessedKeys: unprocessed } };
}

export const batchPutItem = (t: BatchTarget, req: Record<string, unknown>) => batchWrite(t, req, 'put');
export const batchDeleteItem = (t: BatchTarget, req: Record<string, unknown>) => batchWrite(t, req, 'delete');
