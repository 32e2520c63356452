/**
 * Single-item and batch writes: the client's request goes to the store unchanged (so its
 * ReturnValues, conditions and errors are the store's own), bracketed by consistent reads of the
 * item's old image before and — for updates — its new image after. The caller holds the write
 * lock, so nothing can interleave between those reads and the write.
 */
import type { BackendResponse } from '../backend.ts';
import type { AttributeMap, Change } from '../streams/record.ts';
import type { ItemReader } from './items.ts';
import type { IntendedChange } from './journal.ts';
import type { BatchWriteInput, KeyInput, PutInput, TransactWriteInput, UpdateInput } from './protocol.ts';

export interface WriteContext {
  reader: ItemReader;
  forward: () => Promise<BackendResponse>;
  /** Notes the items about to change (crash recovery, see journal.ts); call right before forwarding. */
  intend: (items: IntendedChange[]) => void;
}

export interface WriteOutcome {
  response: BackendResponse;
  changes: Change[];
}

const succeeded = (res: BackendResponse) => res.status >= 200 && res.status < 300;

/**
 * `ReturnValuesOnConditionCheckFailure: ALL_OLD` puts the current item in the
 * ConditionalCheckFailedException (API_PutItem page); dynalite ignores the parameter, but the
 * front has just read that item under the lock.
 */
function failure(input: { ReturnValuesOnConditionCheckFailure?: string }, response: BackendResponse, oldImage: AttributeMap | undefined): WriteOutcome {
  if (input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' && oldImage && response.body.includes('ConditionalCheckFailedException')) {
    const body = JSON.parse(response.body) as Record<string, unknown>;
    if (!body.Item) return { response: { status: response.status, body: JSON.stringify({ ...body, Item: oldImage }) }, changes: [] };
  }
  return { response, changes: [] };
}

/**
 * Put, Update and Delete share one shape: read the old image under the lock, journal the intent,
 * forward, then describe the change with the image the write left behind (none for a delete).
 */
async function singleWrite(
  input: { TableName: string; ReturnValuesOnConditionCheckFailure?: string },
  keySource: unknown,
  ctx: WriteContext,
  imageAfter: (keys: AttributeMap) => Promise<AttributeMap | undefined> | AttributeMap | undefined,
): Promise<WriteOutcome> {
  const tableName = input.TableName;
  const keys = await ctx.reader.keyOf(tableName, keySource as AttributeMap | undefined);
  if (!keys) return { response: await ctx.forward(), changes: [] };
  const oldImage = await ctx.reader.get(tableName, keys);
  ctx.intend([{ tableName, keys, oldImage }]);
  const response = await ctx.forward();
  if (!succeeded(response)) return failure(input, response, oldImage);
  const newImage = await imageAfter(keys);
  if (!oldImage && !newImage) return { response, changes: [] };
  return { response, changes: [{ tableName, keys, oldImage, ...(newImage ? { newImage } : {}) }] };
}

export function putItem(input: PutInput, ctx: WriteContext): Promise<WriteOutcome> {
  return singleWrite(input, input.Item, ctx, () => input.Item);
}

export function updateItem(input: UpdateInput, ctx: WriteContext): Promise<WriteOutcome> {
  return singleWrite(input, input.Key, ctx, (keys) => ctx.reader.get(input.TableName, keys));
}

export function deleteItem(input: KeyInput, ctx: WriteContext): Promise<WriteOutcome> {
  return singleWrite(input, input.Key, ctx, () => undefined);
}

export async function batchWriteItem(input: BatchWriteInput, ctx: WriteContext): Promise<WriteOutcome> {
  const planned: { tableName: string; keys: AttributeMap; newImage?: AttributeMap }[] = [];
  for (const [tableName, requests] of Object.entries(input.RequestItems ?? {})) {
    for (const request of Array.isArray(requests) ? requests : []) {
      const newImage = request?.PutRequest?.Item;
      const keys = await ctx.reader.keyOf(tableName, newImage ?? request?.DeleteRequest?.Key);
      // A malformed request is rejected by the store as a whole; nothing to capture.
      if (!keys) return { response: await ctx.forward(), changes: [] };
      planned.push({ tableName, keys, newImage });
    }
  }
  const oldImages = await Promise.all(planned.map((p) => ctx.reader.get(p.tableName, p.keys)));
  ctx.intend(planned.map((p, i) => ({ tableName: p.tableName, keys: p.keys, oldImage: oldImages[i] })));
  const response = await ctx.forward();
  if (!succeeded(response)) return { response, changes: [] };
  const unprocessed = new Set<string>();
  const body = JSON.parse(response.body || '{}') as BatchWriteInput & { UnprocessedItems?: BatchWriteInput['RequestItems'] };
  for (const [tableName, requests] of Object.entries(body.UnprocessedItems ?? {})) {
    for (const r of requests) unprocessed.add(tableName + JSON.stringify(r.PutRequest?.Item ?? r.DeleteRequest?.Key));
  }
  const changes: Change[] = [];
  planned.forEach((p, i) => {
    const original = input.RequestItems[p.tableName];
    const request = original.find((r) => (r.PutRequest?.Item ?? r.DeleteRequest?.Key) && sameKeys(p.keys, r.PutRequest?.Item ?? r.DeleteRequest!.Key));
    if (request && unprocessed.has(p.tableName + JSON.stringify(request.PutRequest?.Item ?? request.DeleteRequest?.Key))) return;
    changes.push({ tableName: p.tableName, keys: p.keys, oldImage: oldImages[i], newImage: p.newImage });
  });
  return { response, changes };
}

function sameKeys(keys: AttributeMap, item: AttributeMap): boolean {
  return Object.keys(keys).every((k) => JSON.stringify(keys[k]) === JSON.stringify(item[k]));
}

/**
 * TransactWriteItems against a store that has it (an external endpoint): forwarded as is, so the
 * store keeps atomicity and isolation; images are read around it under the write lock.
 */
export async function transactWriteForward(input: TransactWriteInput, ctx: WriteContext): Promise<WriteOutcome> {
  const targets: { tableName: string; keys: AttributeMap; put?: AttributeMap; update: boolean }[] = [];
  for (const entry of Array.isArray(input?.TransactItems) ? input.TransactItems : []) {
    const action = entry?.Put ?? entry?.Update ?? entry?.Delete;
    if (!action) continue;
    const keys = await ctx.reader.keyOf(action.TableName, entry.Put ? entry.Put.Item : (action as KeyInput).Key);
    if (!keys) return { response: await ctx.forward(), changes: [] };
    targets.push({ tableName: action.TableName, keys, put: entry.Put?.Item, update: !!entry.Update });
  }
  const oldImages = await Promise.all(targets.map((t) => ctx.reader.get(t.tableName, t.keys)));
  ctx.intend(targets.map((t, i) => ({ tableName: t.tableName, keys: t.keys, oldImage: oldImages[i] })));
  const response = await ctx.forward();
  if (!succeeded(response)) return { response, changes: [] };
  const changes: Change[] = [];
  for (const [i, t] of targets.entries()) {
    const newImage = t.put ?? (t.update ? await ctx.reader.get(t.tableName, t.keys) : undefined);
    changes.push({ tableName: t.tableName, keys: t.keys, oldImage: oldImages[i], newImage });
  }
  return { response, changes };
}
