/**
 * Wire helpers for the DynamoDB JSON protocol (1.0): targets, error bodies, typed inputs the
 * front inspects. Error bodies are `{"__type": "com.amazonaws.dynamodb.v20120810#<Name>", "message"}`
 * as DynamoDB sends them (validation errors use `com.amazon.coral.validate#ValidationException`).
 */
import type { AttributeMap } from '../streams/record.ts';

export const TARGET_PREFIX = 'DynamoDB_20120810.';

/**
 * Not part of DynamoDB's API: the local AppSync DynamoDB data source names the GraphQL request
 * behind a call in this header, so the stream records it causes can be tied to that request in
 * event source mappings' logs (streams/correlation.ts). Other clients simply don't send it.
 */
export const REQUEST_ID_HEADER = 'x-cruddur-request-id';

export interface FrontResponse {
  status: number;
  body: string;
}

export function awsError(name: string, message: string, extra: Record<string, unknown> = {}, status = 400): FrontResponse {
  const namespace = name === 'ValidationException' ? 'com.amazon.coral.validate' : 'com.amazonaws.dynamodb.v20120810';
  return { status, body: JSON.stringify({ __type: `${namespace}#${name}`, message, ...extra }) };
}

export function ok(body: unknown = {}): FrontResponse {
  return { status: 200, body: JSON.stringify(body) };
}

export interface ExpressionInput {
  TableName: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: AttributeMap;
  ReturnValuesOnConditionCheckFailure?: 'ALL_OLD' | 'NONE';
}

export interface PutInput extends ExpressionInput {
  Item: AttributeMap;
  ReturnValues?: string;
}
export interface KeyInput extends ExpressionInput {
  Key: AttributeMap;
  ReturnValues?: string;
}
export interface UpdateInput extends KeyInput {
  UpdateExpression?: string;
}

export interface BatchWriteInput {
  RequestItems: Record<string, { PutRequest?: { Item: AttributeMap }; DeleteRequest?: { Key: AttributeMap } }[]>;
}

export interface TransactWriteInput {
  TransactItems: { Put?: PutInput; Update?: UpdateInput; Delete?: KeyInput; ConditionCheck?: KeyInput }[];
  ClientRequestToken?: string;
}

export interface TransactGetInput {
  TransactItems: { Get?: { TableName: string; Key: AttributeMap; ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> } }[];
}
