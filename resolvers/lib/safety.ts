/**
 * Block and mute (docs/safety.md). A block or mute is two rows, one in each user's partition under
 * `SAFETY#` (keys.ts), written and removed in one transaction. Writes that a block forbids (follow,
 * reply, message) carry ConditionChecks on both block rows in their own transaction, so a block
 * and a concurrent follow cannot both succeed. Reads that must hide someone look up the caller's
 * rows for the accounts on the page (safety-lookup.ts) and filter what they return.
 */
import { util, type Context } from '@aws-appsync/utils';
import { raiseIfError, tableName, tx } from './ddb.ts';
import { safetyKey, userKey, type SafetyRelation } from '../../definitions/keys.ts';
import { putNew, deleteExisting, raiseUnlessTolerated, failedConditions } from './writes.ts';
import { userResponse } from './fields.ts';
import type { Item } from './items.ts';

export type SafetyKind = 'BLOCK' | 'MUTE';


const mirror = (kind: SafetyKind): [SafetyRelation, SafetyRelation] => (kind === 'BLOCK' ? ['BLOCKS', 'BLOCKEDBY'] : ['MUTES', 'MUTEDBY']);

/** Step 2 of block/mute: both rows, only if absent (blocking twice is one block). */
export function addRequest(ctx: Context, kind: SafetyKind) {
  const me: string = ctx.stash.callerId;
  const them: string = ctx.stash.targetId;
  const [mine, theirs] = mirror(kind);
  const createdAt = util.time.nowISO8601();
  const row = { type: kind, userId: me, targetId: them, createdAt };
  const a = safetyKey(me, mine, them);
  const b = safetyKey(them, theirs, me);
  const table = tableName(ctx);
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      putNew(table, a, Object.assign({ pk: a.pk, sk: a.sk }, row)),
      putNew(table, b, Object.assign({ pk: b.pk, sk: b.sk }, row, { type: `${kind}ED` })),
      tx(table, 'ConditionCheck', userKey(them), { condition: { expression: 'attribute_exists(#pk)', expressionNames: { '#pk': 'pk' } } }),
    ],
  };
}

/** Step 2 of unblock/unmute: both rows, only if present. */
export function removeRequest(ctx: Context, kind: SafetyKind) {
  const me: string = ctx.stash.callerId;
  const them: string = ctx.stash.targetId;
  const [mine, theirs] = mirror(kind);
  const table = tableName(ctx);
  return { operation: 'TransactWriteItems', transactItems: [deleteExisting(table, safetyKey(me, mine, them)), deleteExisting(table, safetyKey(them, theirs, me))] };
}

/** Already (un)blocked is success; a missing target is NotFound. */
export function writeResponse(ctx: Context) {
  if (failedConditions(ctx).indexOf(2) >= 0) util.error('User not found', 'NotFound');
  raiseUnlessTolerated(ctx, [0, 1]);
  return !ctx.error;
}

/**
 * Transaction items that fail when either user blocks the other: added to a follow, a reply or a
 * message. `blockedError` turns their failure into the error the caller reads.
 */
export function notBlockedChecks(table: string, me: string, them: string): Item[] {
  const absent = { condition: { expression: 'attribute_not_exists(#pk)', expressionNames: { '#pk': 'pk' } } };
  return [tx(table, 'ConditionCheck', safetyKey(me, 'BLOCKEDBY', them), absent), tx(table, 'ConditionCheck', safetyKey(me, 'BLOCKS', them), absent)];
}

/** Raises Forbidden when one of the checks at `first` and `first + 1` (notBlockedChecks) failed. */
export function blockedError(ctx: Context, first: number, action: string): void {
  const failed = failedConditions(ctx);
  if (failed.indexOf(first) >= 0) util.error(`You cannot ${action}: this account blocks you`, 'Forbidden');
  if (failed.indexOf(first + 1) >= 0) util.error(`You cannot ${action}: you block this account (unblock it first)`, 'Forbidden');
}

/** True when one of `userIds` (a crud's author, a feed row's reposter) is in `stash.hidden` (safety-lookup.ts). */
export function isHidden(stash: Record<string, any>, userIds: (string | null | undefined)[]): boolean {
  const hidden: Record<string, boolean> = stash.hidden || {};
  return userIds.some((id) => !!id && hidden[id] === true);
}

/** Step 1: the handle's user; not the caller. */
export function targetResponse(ctx: Context, verb: string) {
  raiseIfError(ctx);
  const target: string | null = ctx.result ? ctx.result.userId : null;
  if (!target) util.error('No user with that handle', 'NotFound');
  if (target === ctx.stash.callerId) util.error(`You cannot ${verb} yourself`, 'ValidationError');
  ctx.stash.targetId = target;
  return target;
}

/** Step 3: the target's profile with the caller's new block/mute state (known here without a read). */
export function rereadResponse(ctx: Context, flag: 'viewerBlocks' | 'viewerMutes', value: boolean) {
  const user = userResponse(ctx, true) as Record<string, unknown>;
  user[flag] = value;
  if (flag === 'viewerBlocks' && value) user.viewerFollows = false;
  return user;
}
