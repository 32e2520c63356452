/**
 * The request builders of @aws-appsync/utils/dynamodb (developer guide, "Built-in modules"). They
 * only build the request objects described in "AWS AppSync JavaScript resolver function reference
 * for DynamoDB"; they do no I/O.
 */
import { toMapValues, dynamodb } from '../util/dynamodb-values.ts';
import { renderFilter } from '../util/transform-dynamodb.ts';
import { buildUpdate } from './update-expression.ts';

type Input = Record<string, unknown>;

const isMap = (v: unknown): v is Input => typeof v === 'object' && v !== null && !Array.isArray(v);

function copyDefined(out: Input, input: Input, keys: string[]): Input {
  for (const k of keys) if (input[k] !== undefined && input[k] !== null) out[k] = input[k];
  return out;
}

/** A filter object as {expression, expressionNames, expressionValues}, or undefined when absent. */
function expressionOf(filter: unknown): unknown {
  if (filter === undefined || filter === null) return undefined;
  return renderFilter(filter) ?? undefined;
}

function projectionOf(projection: unknown): unknown {
  if (!Array.isArray(projection) || projection.length === 0) return undefined;
  const names: Record<string, string> = {};
  const paths = projection.map((p) => String(p).split('.').map((part) => {
    names[`#${part}`] = part;
    return `#${part}`;
  }).join('.'));
  return { expression: paths.join(','), expressionNames: names };
}

function withOptional(out: Input, extra: Record<string, unknown>): Input {
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  return out;
}

const WRITE_OPTIONS = ['customPartitionKey', 'populateIndexFields', '_version'];

export function get(input: Input) {
  return withOptional(copyDefined({ operation: 'GetItem', key: toMapValues(input.key) }, input, ['consistentRead']), { projection: projectionOf(input.projection) });
}

export function put(input: Input) {
  const out: Input = { operation: 'PutItem', key: toMapValues(input.key), attributeValues: toMapValues(input.item ?? {}) };
  return copyDefined(withOptional(out, { condition: expressionOf(input.condition) }), input, WRITE_OPTIONS);
}

export function remove(input: Input) {
  const out: Input = { operation: 'DeleteItem', key: toMapValues(input.key) };
  return copyDefined(withOptional(out, { condition: expressionOf(input.condition) }), input, WRITE_OPTIONS);
}

export function update(input: Input) {
  const out: Input = { operation: 'UpdateItem', key: toMapValues(input.key), update: buildUpdate(isMap(input.update) ? input.update : {}) };
  return copyDefined(withOptional(out, { condition: expressionOf(input.condition) }), input, WRITE_OPTIONS);
}

const READ_OPTIONS = ['index', 'limit', 'nextToken', 'consistentRead', 'select', 'scanIndexForward', 'totalSegments', 'segment'];

export function query(input: Input) {
  const out: Input = { operation: 'Query', query: expressionOf(input.query ?? {}) };
  copyDefined(out, input, READ_OPTIONS);
  return withOptional(out, { filter: expressionOf(input.filter), projection: projectionOf(input.projection) });
}

export function scan(input: Input) {
  const out = copyDefined({ operation: 'Scan' }, input, READ_OPTIONS);
  return withOptional(out, { filter: expressionOf(input.filter), projection: projectionOf(input.projection) });
}

export function sync(input: Input) {
  const out = copyDefined({ operation: 'Sync' }, input, ['basePartitionKey', 'deltaIndexName', 'limit', 'nextToken', 'lastSync']);
  return withOptional(out, { filter: expressionOf(input.filter) });
}

function tablesOf(input: Input, each: (v: unknown) => unknown): Input {
  const tables: Input = {};
  for (const [table, v] of Object.entries(isMap(input.tables) ? input.tables : {})) tables[table] = each(v);
  return tables;
}

export function batchGet(input: Input) {
  return {
    operation: 'BatchGetItem',
    tables: tablesOf(input, (t) => {
      const spec = (isMap(t) ? t : {}) as Input;
      const keys = Array.isArray(spec.keys) ? spec.keys.map((k) => toMapValues(k)) : [];
      return withOptional(copyDefined({ keys }, spec, ['consistentRead']), { projection: projectionOf(spec.projection) });
    }),
  };
}

export function batchPut(input: Input) {
  return { operation: 'BatchPutItem', tables: tablesOf(input, (items) => (Array.isArray(items) ? items.map((i) => toMapValues(i)) : [])) };
}

export function batchDelete(input: Input) {
  return { operation: 'BatchDeleteItem', tables: tablesOf(input, (keys) => (Array.isArray(keys) ? keys.map((k) => toMapValues(k)) : [])) };
}

export function transactGet(input: Input) {
  const items = Array.isArray(input.items) ? input.items : [];
  return {
    operation: 'TransactGetItems',
    transactItems: items.map((i: Input) => withOptional({ table: i.table, key: toMapValues(i.key) }, { projection: projectionOf(i.projection) })),
  };
}

export function transactWrite(input: Input) {
  const items = Array.isArray(input.items) ? input.items : [];
  return {
    operation: 'TransactWriteItems',
    transactItems: items.map((entry: Input) => {
      if (isMap(entry.putItem)) {
        const p = entry.putItem;
        return withOptional({ table: p.table, operation: 'PutItem', key: toMapValues(p.key), attributeValues: toMapValues(p.item ?? {}) }, { condition: expressionOf(p.condition) });
      }
      if (isMap(entry.updateItem)) {
        const u = entry.updateItem;
        return withOptional({ table: u.table, operation: 'UpdateItem', key: toMapValues(u.key), update: buildUpdate(isMap(u.update) ? u.update : {}) }, { condition: expressionOf(u.condition) });
      }
      if (isMap(entry.deleteItem)) {
        const d = entry.deleteItem;
        return withOptional({ table: d.table, operation: 'DeleteItem', key: toMapValues(d.key) }, { condition: expressionOf(d.condition) });
      }
      if (isMap(entry.conditionCheck)) {
        const c = entry.conditionCheck;
        return withOptional({ table: c.table, operation: 'ConditionCheck', key: toMapValues(c.key) }, { condition: expressionOf(c.condition) });
      }
      return entry;
    }),
  };
}

export const toStringSet = dynamodb.toStringSet;
export const toNumberSet = dynamodb.toNumberSet;
export const toBinarySet = dynamodb.toBinarySet;
