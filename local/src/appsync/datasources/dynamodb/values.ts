/**
 * AppSync's DynamoDB type system ("Type system (request mapping)" / "(response mapping)" in the
 * JavaScript resolver function reference for DynamoDB). Requests carry typed values, but
 * `util.dynamodb.toNumber` and friends emit numbers as JSON numbers (`{"N": 123}`) where the
 * DynamoDB API wants strings; responses are plain JSON: numbers as numbers, sets as lists,
 * binary as base64 strings, NULL as null.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type Typed = Record<string, unknown>;

/** Thrown for a request value AppSync would reject while evaluating the request. */
export class RequestShapeError extends Error {}

/** Converts one AppSync typed value to the DynamoDB wire form. */
export function toAttributeValue(value: unknown, where: string): AttributeValue {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RequestShapeError(`${where}: expected a typed value like {"S": "..."}`);
  const entries = Object.entries(value as Typed);
  if (entries.length !== 1) throw new RequestShapeError(`${where}: a typed value has exactly one type key`);
  const [type, v] = entries[0];
  switch (type) {
    case 'S':
      return { S: String(v) };
    case 'N':
      if ((typeof v !== 'number' || !Number.isFinite(v)) && typeof v !== 'string') throw new RequestShapeError(`${where}: N must be a number`);
      return { N: String(v) };
    case 'B':
      return { B: Buffer.from(String(v), 'base64') } as AttributeValue;
    case 'BOOL':
      return { BOOL: Boolean(v) };
    case 'NULL':
      return { NULL: true };
    case 'SS':
      return { SS: list(v, where).map(String) };
    case 'NS':
      return { NS: list(v, where).map(String) };
    case 'BS':
      return { BS: list(v, where).map((b) => Buffer.from(String(b), 'base64')) } as AttributeValue;
    case 'L':
      return { L: list(v, where).map((e, i) => toAttributeValue(e, `${where}[${i}]`)) };
    case 'M':
      return { M: toAttributeMap(v, where) };
    default:
      throw new RequestShapeError(`${where}: unknown DynamoDB type '${type}'`);
  }
}

function list(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw new RequestShapeError(`${where}: expected a list`);
  return v;
}

export function toAttributeMap(value: unknown, where: string): Record<string, AttributeValue> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RequestShapeError(`${where}: expected a map of typed values`);
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(value as Typed)) out[k] = toAttributeValue(v, `${where}.${k}`);
  return out;
}

/** DynamoDB wire value → the plain JSON AppSync puts in `ctx.result`. */
export function toPlain(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return Buffer.from(value.B).toString('base64');
  if (value.SS !== undefined) return value.SS;
  if (value.NS !== undefined) return value.NS.map(Number);
  if (value.BS !== undefined) return value.BS.map((b) => Buffer.from(b).toString('base64'));
  if (value.L !== undefined) return value.L.map(toPlain);
  if (value.M !== undefined) return plainItem(value.M);
  return null;
}

export function plainItem(item: Record<string, AttributeValue> | undefined): Record<string, unknown> | null {
  if (!item) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) out[k] = toPlain(v);
  return out;
}
