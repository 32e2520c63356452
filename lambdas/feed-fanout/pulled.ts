/**
 * Pulled accounts (hybrid fan-out, docs/decisions/026-hybrid-fanout.md). An account whose
 * followers pass `fanoutSettings.pullAt` is flagged `celebrity` on its profile: its posts and
 * reposts then go into one `RECENT` item (newest first) instead of one feed row per follower, and
 * each follower has a `PULL#<account>` row telling the home feed to merge that item at read time.
 *
 * Mode changes are ordered so a retried or concurrent change converges: the follower rows and
 * the `RECENT` item are written first, the profile flag last (the flag is the commit point, and
 * `reconcileMode` redoes the work until the flag agrees with the follower count).
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { fanoutMode, fanoutSettingsFrom, RECENT_ENTRIES } from '../../definitions/fanout.ts';
import { gsi, ItemType, pullKey, userKey } from '../../definitions/keys.ts';
import { dynamoClient, tableName } from '../shared/table.ts';
import { followersOf, getItem, marshall, putAll, queryAll, type Item } from './table-ops.ts';
import { updateRecent, type RecentEntry } from './recent.ts';

/** Pulled-era rows outlive a return to push until every crud they could show has expired (30 days at most). */
const LONGEST_CRUD_SECONDS = 30 * 24 * 3600 + 3600;
/** Clock skew allowed between the resolver that stamped `createdAt` and this consumer. */
const SKEW_MS = 60_000;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The account's profile flag: true while its posts are pulled rather than pushed. */
export async function isPulled(accountId: string): Promise<boolean> {
  return (await getItem(userKey(accountId)))?.celebrity === true;
}

/**
 * Whether an item stamped `createdAt` by `accountId` was pushed to followers (so clean-up must
 * visit their feeds): everything before the account became pulled, with a margin for skew.
 */
export function wasPushed(profile: Item | undefined, createdAt: string): boolean {
  if (!profile || profile.celebrity !== true) return true;
  const since = Number(profile.pulledSince ?? 0);
  return Date.parse(createdAt) < since + SKEW_MS;
}

/** A PULL link row (for fixtures that build the consumer's rows directly). */
export function pullRow(followerId: string, accountId: string, expiresAt?: number): Item {
  const row: Item = { ...pullKey(followerId, accountId), type: ItemType.PULL, followerId, accountId };
  if (expiresAt !== undefined) row.expiresAt = expiresAt;
  return row;
}

/** A follower of a pulled account: the row that makes their home feed merge its posts. */
export function putPullRow(followerId: string, accountId: string): Promise<void> {
  return putAll([pullRow(followerId, accountId)]);
}

/** Push → pull: every follower gets a PULL row, RECENT is seeded with the newest live cruds, then the flag. */
export async function promote(accountId: string): Promise<void> {
  const followers = await followersOf(accountId);
  await putAll(followers.map((f) => pullRow(f, accountId)));
  const cruds = await queryAll(
    {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      FilterExpression: 'expiresAt > :now',
      ExpressionAttributeValues: marshall({ ':pk': gsi.userCruds(accountId), ':now': nowSeconds() }),
      ScanIndexForward: false,
    },
    RECENT_ENTRIES,
  );
  // Seeded entries were pushed already: `backfilled` keeps the live consumer from announcing them again.
  const seeded: RecentEntry[] = cruds.map((c) => ({ id: c.id, crudId: c.id, reason: 'FOLLOWING', createdAt: c.createdAt, expiresAt: c.expiresAt, backfilled: true }));
  await updateRecent(accountId, (entries) => [...entries, ...seeded], { keep: true });
  await setFlag(accountId, true);
}

/**
 * Pull → push: new posts are pushed again. Followers keep their PULL rows (and the RECENT item
 * stays) until the longest-lived crud it lists has expired, so nothing already in their feeds
 * disappears; TTL then removes them. No feed rows are back-filled.
 */
export async function demote(accountId: string): Promise<void> {
  const until = nowSeconds() + LONGEST_CRUD_SECONDS;
  const followers = await followersOf(accountId);
  await putAll(followers.map((f) => pullRow(f, accountId, until)));
  await updateRecent(accountId, (entries) => entries, { expiresAt: until });
  await setFlag(accountId, false);
}

async function setFlag(accountId: string, pulled: boolean): Promise<void> {
  await dynamoClient().send(
    new UpdateItemCommand({
      TableName: tableName(),
      Key: marshall(userKey(accountId)),
      UpdateExpression: pulled ? 'SET celebrity = :t, pulledSince = :now' : 'SET celebrity = :f REMOVE pulledSince',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: marshall(pulled ? { ':t': true, ':now': Date.now() } : { ':f': false }),
    }),
  );
}

/**
 * Brings an account's mode in line with its follower count (called after every follow and
 * unfollow of it). Returns the mode it is in afterwards.
 */
export async function reconcileMode(accountId: string): Promise<'push' | 'pull' | 'gone'> {
  const profile = await getItem(userKey(accountId));
  if (!profile) return 'gone';
  const pulled = profile.celebrity === true;
  const mode = fanoutMode(Number(profile.followersCount ?? 0), pulled, fanoutSettingsFrom(process.env));
  if (mode === 'pull' && !pulled) await promote(accountId);
  if (mode === 'push' && pulled) await demote(accountId);
  return mode;
}
