/**
 * Query and Scan request objects ("Query" and "Scan" pages): key condition, `filter`, `index`,
 * `limit`, `scanIndexForward`, `consistentRead`, `select`, `projection`, `segment`/`totalSegments`,
 * and an opaque `nextToken`. The result is `{items, nextToken, scannedCount}`.
 */
import { QueryCommand, ScanCommand, type Select } from '@aws-sdk/client-dynamodb';
import type { DataSourceResponse } from '../types.ts';
import { ExpressionParts } from './expressions.ts';
import type { NextTokenCodec } from './next-token.ts';
import type { Target } from './single-item.ts';
import { plainItem, RequestShapeError } from './values.ts';

type Request = Record<string, unknown>;

function common(req: Request, parts: ExpressionParts, tokens: NextTokenCodec) {
  const filter = parts.add(req.filter, 'filter');
  const projection = parts.projection(req.projection, 'projection');
  if (req.limit !== undefined && req.limit !== null && (typeof req.limit !== 'number' || req.limit < 1)) {
    throw new RequestShapeError('limit must be a positive number');
  }
  const start = tokens.decode(req.nextToken);
  return {
    ...(typeof req.index === 'string' ? { IndexName: req.index } : {}),
    ...(typeof req.limit === 'number' ? { Limit: req.limit } : {}),
    ...(req.consistentRead === true ? { ConsistentRead: true } : {}),
    ...(typeof req.select === 'string' ? { Select: req.select as Select } : {}),
    ...(filter ? { FilterExpression: filter } : {}),
    ...(projection ? { ProjectionExpression: projection } : {}),
    ...(start ? { ExclusiveStartKey: start } : {}),
  };
}

export async function query(t: Target, req: Request, tokens: NextTokenCodec): Promise<DataSourceResponse> {
  const parts = new ExpressionParts();
  const keyCondition = parts.add(req.query, 'query');
  if (!keyCondition) throw new RequestShapeError('query.expression is required for Query');
  const rest = common(req, parts, tokens);
  const out = await t.client.send(
    new QueryCommand({
      TableName: t.tableName,
      KeyConditionExpression: keyCondition,
      ...(req.scanIndexForward === false ? { ScanIndexForward: false } : {}),
      ...rest,
      ...parts.fields(),
    }),
  );
  return { result: { items: (out.Items ?? []).map(plainItem), nextToken: tokens.encode(out.LastEvaluatedKey), scannedCount: out.ScannedCount ?? 0 } };
}

export async function scan(t: Target, req: Request, tokens: NextTokenCodec): Promise<DataSourceResponse> {
  const parts = new ExpressionParts();
  const rest = common(req, parts, tokens);
  const segments = typeof req.totalSegments === 'number' ? { TotalSegments: req.totalSegments, Segment: Number(req.segment ?? 0) } : {};
  const out = await t.client.send(new ScanCommand({ TableName: t.tableName, ...rest, ...segments, ...parts.fields() }));
  return { result: { items: (out.Items ?? []).map(plainItem), nextToken: tokens.encode(out.LastEvaluatedKey), scannedCount: out.ScannedCount ?? 0 } };
}
