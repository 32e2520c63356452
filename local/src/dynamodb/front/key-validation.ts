/**
 * Key validation ahead of the store, so a bad key is answered the way DynamoDB answers it — a
 * 400 ValidationException with DynamoDB's text, which SDKs do not retry — before the front reads
 * any image for it (such a read used to fail inside the front and surface as a 500, which the
 * SDK retried). The checks are dynalite's own (`validateItem`, `validateKey`, its Query
 * validator); two texts are brought up to date with the service:
 * - an empty string/binary key value: "One or more parameter values are not valid. The
 *   AttributeValue for a key attribute cannot contain an empty string value. Key: pk" (dynalite
 *   still says "were invalid:" for keys; DynamoDB's own answers read "are not valid.");
 * - Query with an empty key condition value is rejected with that text (dynalite returns nothing).
 * A type mismatch reads "One or more parameter values were invalid: Type mismatch for key pk
 * expected: S actual: N" for an item, and "The provided key element does not match the schema"
 * for a key (and, as dynalite verified, for BatchWriteItem's PutRequest items).
 * Unknown tables are left to the store, which answers ResourceNotFoundException first.
 */
import { createRequire } from 'node:module';
import type { AttributeMap } from '../streams/record.ts';
import type { ItemReader, TableDescription } from './items.ts';
import { awsError, type FrontResponse } from './protocol.ts';

const require = createRequire(import.meta.url);
type Invalid = { body?: { message?: string } } | undefined | null;
const db = require('dynalite/db') as {
  validateItem(item: AttributeMap, table: TableDescription): Invalid;
  validateKey(key: AttributeMap, table: TableDescription): Invalid;
};
const validations = require('dynalite/validations') as {
  checkTypes(data: unknown, types: unknown): Record<string, unknown>;
  checkValidations(data: unknown, types: unknown, custom: unknown, store: unknown): void;
};
const queryRules = require('dynalite/validations/query') as { types: unknown; custom: unknown };

const STALE_EMPTY_KEY = 'One or more parameter values were invalid: The AttributeValue for a key attribute';
const EMPTY_KEY = 'One or more parameter values are not valid. The AttributeValue for a key attribute';
const emptyKeyMessage = (attr: string, binary: boolean) => `${EMPTY_KEY} cannot contain an empty ${binary ? 'binary' : 'string'} value. Key: ${attr}`;

type Check = (table: TableDescription) => Invalid;
interface Target {
  tableName: unknown;
  check: Check;
}

const itemCheck = (item: unknown): Check => (table) => (isMap(item) ? db.validateItem(item, table) : null);
const keyCheck = (key: unknown): Check => (table) => (isMap(key) ? db.validateKey(key, table) : null);
/** BatchWriteItem reports a put item's missing or mistyped key as a key/schema mismatch. */
const batchPutCheck = (item: unknown): Check => (table) => {
  const invalid = itemCheck(item)(table);
  const message = invalid?.body?.message ?? '';
  return /Missing the key|Type mismatch for key/.test(message) ? { body: { message: 'The provided key element does not match the schema' } } : invalid;
};

function isMap(value: unknown): value is AttributeMap {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function entries(value: unknown): [string, unknown][] {
  return isMap(value) ? Object.entries(value) : [];
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Every key or item a request names, with the check DynamoDB applies to it. */
function targets(operation: string, input: Record<string, unknown>): Target[] {
  const TableName = input.TableName;
  switch (operation) {
    case 'PutItem':
      return [{ tableName: TableName, check: itemCheck(input.Item) }];
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return [{ tableName: TableName, check: keyCheck(input.Key) }];
    case 'BatchGetItem':
      return entries(input.RequestItems).flatMap(([tableName, r]) => list((r as { Keys?: unknown })?.Keys).map((key) => ({ tableName, check: keyCheck(key) })));
    case 'BatchWriteItem':
      return entries(input.RequestItems).flatMap(([tableName, requests]) =>
        list(requests).map((r) => {
          const { PutRequest: put, DeleteRequest: del } = (r ?? {}) as { PutRequest?: { Item?: unknown }; DeleteRequest?: { Key?: unknown } };
          return { tableName, check: put ? batchPutCheck(put.Item) : keyCheck(del?.Key) };
        }),
      );
    case 'TransactWriteItems':
    case 'TransactGetItems':
      return list(input.TransactItems).flatMap((entry) =>
        entries(entry).map(([action, request]) => {
          const r = (request ?? {}) as { TableName?: unknown; Item?: unknown; Key?: unknown };
          return { tableName: r.TableName, check: action === 'Put' ? itemCheck(r.Item) : keyCheck(r.Key) };
        }),
      );
    case 'Query':
      return [{ tableName: TableName, check: () => emptyKeyCondition(input) }];
    default:
      return [];
  }
}

function isEmpty(value: unknown): boolean {
  const v = (value ?? {}) as { S?: unknown; B?: unknown };
  return v.S === '' || v.B === '' || (Buffer.isBuffer(v.B) && v.B.length === 0);
}

/** An empty key condition value, found with dynalite's own Query validator (which parses the expression). */
function emptyKeyCondition(input: Record<string, unknown>): Invalid {
  const values = [...Object.values(isMap(input.ExpressionAttributeValues) ? input.ExpressionAttributeValues : {}), ...entries(input.KeyConditions).flatMap(([, c]) => list((c as { AttributeValueList?: unknown })?.AttributeValueList))];
  if (!values.some(isEmpty)) return null;
  let data: Record<string, unknown>;
  try {
    data = validations.checkTypes(structuredClone(input), queryRules.types);
    validations.checkValidations(data, queryRules.types, queryRules.custom, { options: {} });
  } catch {
    return null; // Malformed otherwise: the store says how.
  }
  for (const [attr, condition] of entries(data.KeyConditions)) {
    const empty = list((condition as { AttributeValueList?: unknown })?.AttributeValueList).find(isEmpty) as AttributeMap | undefined;
    if (empty) return { body: { message: emptyKeyMessage(attr, 'B' in empty) } };
  }
  return null;
}

/**
 * The ValidationException DynamoDB answers for the request's keys, or `null` when they are
 * valid (or the request is malformed in some other way the store reports itself).
 */
export async function keyValidationError(operation: string, input: Record<string, unknown>, reader: ItemReader): Promise<FrontResponse | null> {
  const checks = targets(operation, input);
  const tables = await Promise.all(checks.map((t) => (typeof t.tableName === 'string' ? reader.table(t.tableName).catch(() => null) : null)));
  // A missing table is reported before any key (DynamoDB's order); the store does that.
  if (tables.some((t) => !t)) return null;
  for (const [i, target] of checks.entries()) {
    const message = target.check(tables[i]!)?.body?.message;
    if (message) return awsError('ValidationException', message.replace(STALE_EMPTY_KEY, EMPTY_KEY));
  }
  return null;
}
