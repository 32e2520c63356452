/**
 * DynamoDB request objects as AppSync's resolver reference defines them
 * ("JavaScript resolver function reference for DynamoDB"). Built by hand rather than with the
 * `@aws-appsync/utils/dynamodb` helpers where the helpers cannot express what Cruddur needs
 * (if_not_exists upserts, transactions across item types, filters on the TTL attribute).
 */
import { util } from '@aws-appsync/utils';
import type { Key } from '../../definitions/keys.ts';
import type { Item } from './items.ts';

export interface Expression {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, unknown>;
}

/** Typed values for `expressionValues` (`{":a": 1}` → `{":a": {"N": 1}}`). */
export const values = (plain: Item): Record<string, unknown> => util.dynamodb.toMapValues(plain);

export function getItem(key: Key, consistentRead?: boolean) {
  return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(key), consistentRead: consistentRead ?? false };
}

/** The physical table name for transactions and batches, from the API's environment variables. */
export function tableName(ctx: { env?: Record<string, string> }): string {
  const name = ctx.env ? ctx.env.TABLE_NAME : undefined;
  if (!name) util.error('The API has no TABLE_NAME environment variable', 'ConfigurationError');
  return name as string;
}

/** Filter that hides items whose TTL attribute has passed (TTL deletes them only later). */
export function notExpired(nowSeconds: number): Expression {
  return {
    expression: 'attribute_not_exists(#exp) OR #exp > :now',
    expressionNames: { '#exp': 'expiresAt' },
    expressionValues: values({ ':now': nowSeconds }),
  };
}

export interface QueryOptions {
  index?: string;
  pkName: string;
  pkValue: string;
  skName?: string;
  /** `begins_with` on the sort key. */
  skPrefix?: string;
  /** Sort key equality. */
  skEquals?: string;
  forward: boolean;
  limit: number;
  nextToken?: string | null;
  filter?: Expression;
}

/** A Query request: partition equality plus an optional sort-key condition. */
export function query(o: QueryOptions) {
  const names: Record<string, string> = { '#pk': o.pkName };
  const vals: Item = { ':pk': o.pkValue };
  let expression = '#pk = :pk';
  if (o.skPrefix !== undefined) {
    names['#sk'] = o.skName ?? 'sk';
    vals[':sk'] = o.skPrefix;
    expression = '#pk = :pk AND begins_with(#sk, :sk)';
  } else if (o.skEquals !== undefined) {
    names['#sk'] = o.skName ?? 'sk';
    vals[':sk'] = o.skEquals;
    expression = '#pk = :pk AND #sk = :sk';
  }
  const request: Item = {
    operation: 'Query',
    query: { expression, expressionNames: names, expressionValues: values(vals) },
    scanIndexForward: o.forward,
    limit: o.limit,
  };
  if (o.index) request.index = o.index;
  if (o.nextToken) request.nextToken = o.nextToken;
  if (o.filter) request.filter = o.filter;
  return request;
}

/** A TransactWriteItems entry. */
export function tx(table: string, operation: 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheck', key: Key, rest: Item): Item {
  return Object.assign({ table, operation, key: util.dynamodb.toMapValues(key) }, rest);
}

/** Per-item reasons of a cancelled transaction, `[]` when it did not fail that way. */
export function cancellationCodes(ctx: { error?: { type?: string } | null; result?: unknown }): string[] {
  if (!ctx.error || ctx.error.type !== 'DynamoDB:TransactionCanceledException') return [];
  const result = ctx.result as { cancellationReasons?: { type?: string; Code?: string }[] } | null;
  const reasons = (result && result.cancellationReasons) || [];
  return reasons.map((r) => r.type ?? r.Code ?? 'None');
}

/** Raises any data-source error the response handler did not expect. */
export function raiseIfError(ctx: { error?: { message: string; type: string } | null }): void {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
}
