/**
 * Hydrating lists of ids with one BatchGetItem (AppSync "BatchGetItem" request object): feeds,
 * hashtag pages and member lists read their cruds/profiles in one round trip, not one per row.
 */
import { util } from '@aws-appsync/utils';
import type { Key } from '../../definitions/keys.ts';
import type { Item } from './items.ts';

/** Distinct non-empty strings, first occurrence first (BatchGetItem rejects duplicate keys). */
export function distinct(ids: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  ids.forEach((id) => {
    if (id && out.indexOf(id) < 0) out.push(id);
  });
  return out;
}

export function batchGet(table: string, keys: Key[]) {
  const tables: Record<string, unknown> = {};
  tables[table] = { keys: keys.map((k) => util.dynamodb.toMapValues(k)), consistentRead: false };
  return { operation: 'BatchGetItem' as const, tables };
}

/** Items a BatchGetItem returned for `table`, indexed by their `id` attribute (missing keys come back null). */
export function byId(result: { data?: Record<string, (Item | null)[]> } | null, table: string): Record<string, Item> {
  const found = (result && result.data && result.data[table]) || [];
  const index: Record<string, Item> = {};
  found.forEach((item) => {
    if (item) index[item.id] = item;
  });
  return index;
}
