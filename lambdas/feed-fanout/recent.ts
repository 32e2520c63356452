/**
 * A pulled account's `RECENT` item (`USER#<account>` / `RECENT`): its newest posts and reposts,
 * newest first (ids are ULIDs, so id order is time order), at most `RECENT_ENTRIES`, expired
 * ones dropped. Posts in different partitions may land on different stream shards and be handled
 * concurrently, so every change is a read-modify-write guarded by a version number and retried.
 */
import { ConditionalCheckFailedException, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { RECENT_ENTRIES } from '../../definitions/fanout.ts';
import { ItemType, recentKey } from '../../definitions/keys.ts';
import { dynamoClient, tableName } from '../shared/table.ts';
import { getItem, marshall, type Item } from './table-ops.ts';

/** One post or repost of a pulled account, as the home feed merges it (a feed row without a recipient). */
export interface RecentEntry {
  /** The crud id (posts) or the repost id (reposts): the same id a pushed feed row would have. */
  id: string;
  crudId: string;
  reason: 'FOLLOWING' | 'REPOST';
  createdAt: string;
  /** The crud's expiry (epoch seconds). */
  expiresAt: number;
  repostedById?: string;
  /** Already in followers' feeds when it was listed (seeded at promotion): not announced live. */
  backfilled?: boolean;
}

const MAX_ATTEMPTS = 10;

/** Newest first, one entry per id, live only, at most RECENT_ENTRIES. */
export function normalise(entries: RecentEntry[], nowSeconds: number): RecentEntry[] {
  const byId = new Map<string, RecentEntry>();
  for (const e of entries) if (e.expiresAt > nowSeconds && !byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, RECENT_ENTRIES);
}

export interface RecentOptions {
  /** Set the item's TTL (a demoted account's item lives until its entries could have expired). */
  expiresAt?: number;
  /** Clear the item's TTL (the account is pulled again). */
  keep?: boolean;
  /** Only change an item that exists (removals must not create one). */
  existingOnly?: boolean;
}

/** Applies `change` to the account's entries under optimistic locking. */
export async function updateRecent(accountId: string, change: (entries: RecentEntry[]) => RecentEntry[], options: RecentOptions = {}): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = await getItem(recentKey(accountId));
    if (!current && options.existingOnly) return;
    const version = Number(current?.version ?? 0);
    const item: Item = {
      ...recentKey(accountId),
      type: ItemType.RECENT,
      accountId,
      entries: normalise(change((current?.entries as RecentEntry[] | undefined) ?? []), Math.floor(Date.now() / 1000)),
      version: version + 1,
    };
    const ttl = options.keep ? undefined : (options.expiresAt ?? current?.expiresAt);
    if (ttl !== undefined) item.expiresAt = ttl;
    // An unchanged item is not rewritten: a write would be a stream record for nothing.
    if (current && JSON.stringify(current.entries) === JSON.stringify(item.entries) && current.expiresAt === ttl) return;
    try {
      await dynamoClient().send(
        new PutItemCommand({
          TableName: tableName(),
          Item: marshall(item, { removeUndefinedValues: true }),
          ConditionExpression: current ? 'version = :v' : 'attribute_not_exists(pk)',
          ...(current ? { ExpressionAttributeValues: marshall({ ':v': version }) } : {}),
        }),
      );
      return;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
  throw new Error(`RECENT of ${accountId} changed concurrently ${MAX_ATTEMPTS} times in a row`);
}

/** Lists a new post or repost of a pulled account. */
export function addRecent(accountId: string, entry: RecentEntry): Promise<void> {
  return updateRecent(accountId, (entries) => [entry, ...entries.filter((e) => e.id !== entry.id)]);
}

/** Drops entries (a deleted or expired crud and its reposts, an unrepost) if the account has a RECENT item. */
export function removeRecent(accountId: string, drop: (e: RecentEntry) => boolean): Promise<void> {
  return updateRecent(accountId, (entries) => entries.filter((e) => !drop(e)), { existingOnly: true });
}
