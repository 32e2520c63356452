/**
 * GetItem, PutItem, UpdateItem and DeleteItem request objects ("GetItem", "PutItem",
 * "UpdateItem", "DeleteItem" and "Condition expressions" pages of the JavaScript resolver function
 * reference for DynamoDB). On a failed condition AppSync reads the current item (strongly
 * consistent unless `condition.consistentRead` is false) and, if it already equals the intended
 * result — ignoring the attributes in `equalsIgnore` — treats the write as a success (a retried
 * write is idempotent); otherwise the error is `DynamoDB:ConditionalCheckFailedException` with the
 * current item as error data (strategy `Reject`).
 * Known gaps: for UpdateItem the intended result is not computed offline, so a failed condition
 * always rejects; the `Custom` strategy (a Lambda deciding) is treated as `Reject`.
 */
import type { DynamoSender } from './request-id.ts';
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import type { DataSourceResponse } from '../types.ts';
import { toErrorResponse } from './errors.ts';
import { ExpressionParts } from './expressions.ts';
import { plainItem, RequestShapeError, toAttributeMap } from './values.ts';

export interface Target {
  client: DynamoSender;
  tableName: string;
}

type Request = Record<string, unknown>;

interface Condition {
  expression: string;
  equalsIgnore?: string[];
  consistentRead?: boolean;
}

export async function getItem(t: Target, req: Request): Promise<DataSourceResponse> {
  const parts = new ExpressionParts();
  const projection = parts.projection(req.projection, 'projection');
  const out = await t.client.send(
    new GetItemCommand({
      TableName: t.tableName,
      Key: toAttributeMap(req.key, 'key'),
      ConsistentRead: req.consistentRead === true,
      ...(projection ? { ProjectionExpression: projection } : {}),
      ...parts.fields(),
    }),
  );
  return { result: plainItem(out.Item) };
}

export async function putItem(t: Target, req: Request): Promise<DataSourceResponse> {
  const key = toAttributeMap(req.key, 'key');
  const item = { ...toAttributeMap(req.attributeValues ?? {}, 'attributeValues'), ...key };
  const parts = new ExpressionParts();
  const condition = parts.add(req.condition, 'condition');
  try {
    await t.client.send(new PutItemCommand({ TableName: t.tableName, Item: item, ...(condition ? { ConditionExpression: condition } : {}), ...parts.fields() }));
    return { result: plainItem(item) };
  } catch (err) {
    return onConditionFailure(t, err, key, req.condition as Condition, plainItem(item));
  }
}

export async function updateItem(t: Target, req: Request): Promise<DataSourceResponse> {
  const key = toAttributeMap(req.key, 'key');
  const parts = new ExpressionParts();
  const update = parts.add(req.update, 'update');
  if (!update) throw new RequestShapeError('update.expression is required for UpdateItem');
  const condition = parts.add(req.condition, 'condition');
  try {
    const out = await t.client.send(
      new UpdateItemCommand({
        TableName: t.tableName,
        Key: key,
        UpdateExpression: update,
        ReturnValues: 'ALL_NEW',
        ...(condition ? { ConditionExpression: condition } : {}),
        ...parts.fields(),
      }),
    );
    return { result: plainItem(out.Attributes) };
  } catch (err) {
    return onConditionFailure(t, err, key, req.condition as Condition, undefined);
  }
}

export async function deleteItem(t: Target, req: Request): Promise<DataSourceResponse> {
  const key = toAttributeMap(req.key, 'key');
  const parts = new ExpressionParts();
  const condition = parts.add(req.condition, 'condition');
  try {
    const out = await t.client.send(
      new DeleteItemCommand({ TableName: t.tableName, Key: key, ReturnValues: 'ALL_OLD', ...(condition ? { ConditionExpression: condition } : {}), ...parts.fields() }),
    );
    return { result: plainItem(out.Attributes) };
  } catch (err) {
    return onConditionFailure(t, err, key, req.condition as Condition, null);
  }
}

/**
 * `intended`: the item the write meant to leave (null = no item); `undefined` = unknown.
 */
async function onConditionFailure(
  t: Target,
  err: unknown,
  key: Record<string, AttributeValue>,
  condition: Condition | undefined,
  intended: Record<string, unknown> | null | undefined,
): Promise<DataSourceResponse> {
  if ((err as { name?: string }).name !== 'ConditionalCheckFailedException' || !condition) return toErrorResponse(err);
  const current = await t.client.send(new GetItemCommand({ TableName: t.tableName, Key: key, ConsistentRead: condition.consistentRead !== false }));
  const currentPlain = plainItem(current.Item);
  if (intended !== undefined && equalIgnoring(currentPlain, intended, condition.equalsIgnore ?? [])) {
    return { result: currentPlain };
  }
  return { result: null, error: { type: 'DynamoDB:ConditionalCheckFailedException', message: 'The conditional request failed', data: currentPlain } };
}

function equalIgnoring(a: Record<string, unknown> | null, b: Record<string, unknown> | null, ignore: string[]): boolean {
  if (a === null || b === null) return a === b;
  const strip = (o: Record<string, unknown>) => stable(Object.fromEntries(Object.entries(o).filter(([k]) => !ignore.includes(k))));
  return strip(a) === strip(b);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
