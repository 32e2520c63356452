/**
 * TransactWriteItems and TransactGetItems for a store that lacks them (dynalite 4 implements
 * neither: its `validOperations` list stops at UpdateTable). Under the front's write lock:
 * validate every action with dynalite's own validators (same ValidationException texts), read
 * every target item, evaluate every condition with dynalite's condition evaluator, and cancel
 * with per-item `CancellationReasons` (API_TransactWriteItems / API_CancellationReason pages)
 * before anything is written; then apply the actions one by one, restoring the old images if the
 * store rejects one mid-way (e.g. an update type mismatch → reason `ValidationError`).
 * Not emulated: ClientRequestToken idempotency (the token is accepted and ignored).
 */
import { createRequire } from 'node:module';
import type { Backend, BackendResponse } from '../backend.ts';
import { errorType } from '../backend.ts';
import type { AttributeMap, Change } from '../streams/record.ts';
import { keyId, type ItemReader } from './items.ts';
import type { IntendedChange } from './journal.ts';
import { awsError, ok, type FrontResponse, type TransactGetInput, type TransactWriteInput } from './protocol.ts';

const require = createRequire(import.meta.url);
type Validation = { types: unknown; custom?: (data: unknown, store: unknown) => string | undefined };
const validations = require('dynalite/validations') as {
  checkTypes(data: unknown, types: unknown): Record<string, unknown>;
  checkValidations(data: unknown, types: unknown, custom: Validation['custom'], store: unknown): void;
};
const db = require('dynalite/db') as { checkConditional(data: unknown, item: unknown): unknown };
const rules: Record<string, Validation> = {
  PutItem: require('dynalite/validations/putItem'),
  UpdateItem: require('dynalite/validations/updateItem'),
  DeleteItem: require('dynalite/validations/deleteItem'),
};
const fakeStore = { options: { maxItemSize: 400 * 1024 } };

type Action = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
const single: Record<Action, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'DeleteItem' };

interface Planned {
  action: Action;
  tableName: string;
  keys: AttributeMap;
  request: Record<string, unknown>;
  parsed: Record<string, unknown>;
  returnOld: boolean;
}

class Rejection extends Error {
  constructor(readonly response: FrontResponse) {
    super('rejected');
  }
}

/** dynalite validators throw `{statusCode, body}`; turn that into our response. */
function validate(operation: string, request: Record<string, unknown>): Record<string, unknown> {
  try {
    const data = validations.checkTypes(structuredClone(request), rules[operation].types);
    validations.checkValidations(data, rules[operation].types, rules[operation].custom, fakeStore);
    return data;
  } catch (err) {
    const e = err as { statusCode?: number; body?: unknown };
    if (e.statusCode) throw new Rejection({ status: e.statusCode, body: JSON.stringify(e.body) });
    throw err;
  }
}

async function plan(input: TransactWriteInput, reader: ItemReader): Promise<Planned[]> {
  const items = input?.TransactItems;
  if (!Array.isArray(items) || items.length < 1 || items.length > 100) {
    throw new Rejection(awsError('ValidationException', `1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1`));
  }
  const seen = new Set<string>();
  const planned: Planned[] = [];
  for (const entry of items) {
    const actions = Object.keys(entry ?? {}).filter((k) => k in single) as Action[];
    if (actions.length !== 1) throw new Rejection(awsError('ValidationException', 'TransactItems can only contain one of Check, Put, Update or Delete'));
    const action = actions[0];
    const request = { ...(entry[action] as unknown as Record<string, unknown>) };
    if (action === 'ConditionCheck' && !request.ConditionExpression) {
      throw new Rejection(awsError('ValidationException', "1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null"));
    }
    const returnOld = request.ReturnValuesOnConditionCheckFailure === 'ALL_OLD';
    delete request.ReturnValuesOnConditionCheckFailure;
    const parsed = validate(single[action], request);
    const tableName = String(request.TableName);
    if ((await reader.keySchema(tableName)) === null) throw new Rejection(awsError('ResourceNotFoundException', 'Requested resource not found'));
    const keys = await reader.keyOf(tableName, (action === 'Put' ? request.Item : request.Key) as AttributeMap);
    if (!keys) throw new Rejection(awsError('ValidationException', 'The provided key element does not match the schema'));
    const id = keyId(tableName, keys);
    if (seen.has(id)) throw new Rejection(awsError('ValidationException', 'Transaction request cannot include multiple operations on one item'));
    seen.add(id);
    planned.push({ action, tableName, keys, request, parsed, returnOld });
  }
  return planned;
}

function cancelled(reasons: Record<string, unknown>[]): FrontResponse {
  const codes = reasons.map((r) => r.Code).join(', ');
  return awsError('TransactionCanceledException', `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`, {
    CancellationReasons: reasons,
  });
}

/** Runs a TransactWriteItems request; the caller holds the write lock. */
export async function transactWriteItems(
  input: TransactWriteInput,
  backend: Backend,
  reader: ItemReader,
  intend: (items: IntendedChange[], transaction: boolean) => void,
): Promise<{ response: FrontResponse; changes: Change[] }> {
  let planned: Planned[];
  try {
    planned = await plan(input, reader);
  } catch (err) {
    if (err instanceof Rejection) return { response: err.response, changes: [] };
    throw err;
  }
  const oldImages = await Promise.all(planned.map((p) => reader.get(p.tableName, p.keys)));
  const reasons = planned.map((p, i) => {
    if (!db.checkConditional(p.parsed, oldImages[i])) return { Code: 'None' };
    return { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', ...(p.returnOld && oldImages[i] ? { Item: oldImages[i] } : {}) };
  });
  if (reasons.some((r) => r.Code !== 'None')) return { response: cancelled(reasons), changes: [] };

  intend(
    planned.filter((p) => p.action !== 'ConditionCheck').map((p) => ({ tableName: p.tableName, keys: p.keys, oldImage: oldImages[planned.indexOf(p)] })),
    true,
  );
  const applied: number[] = [];
  for (let i = 0; i < planned.length; i += 1) {
    const p = planned[i];
    if (p.action === 'ConditionCheck') continue;
    const res: BackendResponse = await backend.call(single[p.action], p.request);
    if (res.status >= 300) {
      await rollback(planned, oldImages, applied, backend);
      const failure = planned.map((_, j) => (j === i ? { Code: reasonCode(errorType(res.body)), Message: String(JSON.parse(res.body).message ?? '') } : { Code: 'None' }));
      return { response: cancelled(failure), changes: [] };
    }
    applied.push(i);
  }
  const changes: Change[] = [];
  for (const i of applied) {
    const p = planned[i];
    const newImage = p.action === 'Put' ? (p.request.Item as AttributeMap) : p.action === 'Update' ? await reader.get(p.tableName, p.keys) : undefined;
    changes.push({ tableName: p.tableName, keys: p.keys, oldImage: oldImages[i], newImage });
  }
  return { response: ok({}), changes };
}

function reasonCode(type: string): string {
  return type === 'ValidationException' ? 'ValidationError' : type.replace(/Exception$/, '');
}

async function rollback(planned: Planned[], oldImages: (AttributeMap | undefined)[], applied: number[], backend: Backend): Promise<void> {
  for (const i of applied.reverse()) {
    const { tableName, keys } = planned[i];
    const old = oldImages[i];
    await (old ? backend.json('PutItem', { TableName: tableName, Item: old }) : backend.json('DeleteItem', { TableName: tableName, Key: keys }));
  }
}

/** TransactGetItems: consistent reads taken under the write lock, so no write interleaves. */
export async function transactGetItems(input: TransactGetInput, backend: Backend): Promise<FrontResponse> {
  const items = input?.TransactItems;
  if (!Array.isArray(items) || items.length < 1 || items.length > 100) {
    return awsError('ValidationException', "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1");
  }
  const responses: { Item?: AttributeMap }[] = [];
  for (const entry of items) {
    const get = entry?.Get;
    if (!get) return awsError('ValidationException', "1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: Member must not be null");
    const res = await backend.call('GetItem', { ...get, ConsistentRead: true });
    if (res.status >= 300) return { status: res.status, body: res.body };
    const body = JSON.parse(res.body) as { Item?: AttributeMap };
    responses.push(body.Item ? { Item: body.Item } : {});
  }
  return ok({ Responses: responses });
}
