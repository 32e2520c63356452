/**
 * Whom a read must hide from the caller, exactly, whatever the number of the caller's blocks and
 * mutes (decision 037): only the accounts on the page matter, so the caller's `SAFETY#` rows are
 * read by key for those accounts — BatchGetItem of `USER#<me>` / `SAFETY#<relation>#<them>` —
 * instead of Querying the whole `SAFETY#` range of the caller's partition.
 *
 * A BatchGetItem takes at most 100 keys ("BatchGetItem", DynamoDB API reference), and a pipeline
 * function sends one request, so a pipeline plans the keys once (`planLookup`) and runs as many
 * lookup functions as its largest page needs (`lookupRequest(ctx, part)` reads keys
 * `part * 100 …`); a function with nothing left to read returns early without a request.
 */
import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseIfError, tableName } from './ddb.ts';
import { batchGet, distinct } from './batch.ts';
import { safetyKey, safetyRelationOf, type Key, type SafetyRelation } from '../../definitions/keys.ts';
import { callerId } from './identity.ts';
import type { Item } from './items.ts';

/** Keys one BatchGetItem may carry (DynamoDB limit). */
export const KEYS_PER_LOOKUP = 100;

/** Blocks either way: whose cruds neither side may see. */
export const BLOCKS: SafetyRelation[] = ['BLOCKS', 'BLOCKEDBY'];
/** Blocks either way and the caller's own mutes: the home feed, notifications, live feed events. */
export const BLOCKS_AND_MUTES: SafetyRelation[] = ['BLOCKS', 'BLOCKEDBY', 'MUTES'];

/**
 * Plans the lookup: the caller's keys for every relation of every distinct account in `ids` (the
 * caller excluded). Sets `ctx.stash.hidden` to `{}`; guests hide nobody and read nothing. Returns
 * the number of keys.
 */
export function planLookup(ctx: Context, ids: (string | null | undefined)[], relations: SafetyRelation[]): number {
  const me = callerId(ctx);
  const keys: Key[] = [];
  ctx.stash.hidden = {};
  if (me) {
    distinct(ids)
      .filter((id) => id !== me)
      .forEach((id) => relations.forEach((relation) => keys.push(safetyKey(me, relation, id))));
  }
  ctx.stash.safetyKeys = keys;
  return keys.length;
}

/** Part `part` of the planned lookup (keys part*100 … part*100+99); early return when empty. */
export function lookupRequest(ctx: Context, part: number) {
  const keys: Key[] = (ctx.stash.safetyKeys ?? []).slice(part * KEYS_PER_LOOKUP, (part + 1) * KEYS_PER_LOOKUP);
  if (keys.length === 0) runtime.earlyReturn(0);
  return batchGet(tableName(ctx), keys);
}

/**
 * Adds the accounts whose rows were found to `ctx.stash.hidden`. Keys DynamoDB left unprocessed
 * (throttling) hide their account too: failing closed keeps a blocked account's cruds out rather
 * than showing them when the answer is unknown.
 */
export function lookupResponse(ctx: Context): number {
  raiseIfError(ctx);
  const hidden: Record<string, boolean> = ctx.stash.hidden ?? {};
  const table = tableName(ctx);
  const found: (Item | null)[] = (ctx.result && ctx.result.data && ctx.result.data[table]) || [];
  const unprocessed: Item[] = (ctx.result && ctx.result.unprocessedKeys && ctx.result.unprocessedKeys[table]) || [];
  found.concat(unprocessed).forEach((row) => {
    if (row && row.sk) hidden[safetyRelationOf(row.sk).otherId] = true;
  });
  ctx.stash.hidden = hidden;
  return Object.keys(hidden).length;
}

/** Raises when a page would need more lookup functions than its pipeline has (a programming error). */
export function requireParts(ctx: Context, parts: number): void {
  const needed = Math.ceil((ctx.stash.safetyKeys ?? []).length / KEYS_PER_LOOKUP);
  if (needed > parts) util.error(`Page too large for the safety lookup (${needed} > ${parts} batches)`, 'InternalFailure');
}
