/**
 * The home feed's read-time merge (hybrid fan-out, docs/decisions/026-hybrid-fanout.md): rows
 * pushed into `FEED#<me>` and the `RECENT` entries of the pulled accounts the caller follows.
 * Both are keyed by the event id (crud id or repost id, a ULID), so one id order covers both and
 * the cursor is simply the last id served: the next page reads pushed rows with `sk < cursor` and
 * pulled entries with `id < cursor`. APPSYNC_JS has no sort comparators, so sorted lists are
 * merged head by head (decision 009: order by ULID).
 */
import { util, type Context } from '@aws-appsync/utils';
import { MAX_PULLED_ACCOUNTS } from '../../definitions/fanout.ts';
import { notExpired, query, raiseIfError } from './ddb.ts';
import { isLive, type Item } from './items.ts';
import { SkPrefix, userKey } from '../../definitions/keys.ts';

const CURSOR_PREFIX = 'feed1.';
const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Query of the pulled accounts `userId` follows (its live `PULL#` rows), at most MAX_PULLED_ACCOUNTS. */
export function pullLinksQuery(userId: string) {
  return query({
    pkName: 'pk',
    pkValue: userKey(userId).pk,
    skPrefix: SkPrefix.PULL,
    forward: true,
    limit: MAX_PULLED_ACCOUNTS,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

/** The account ids of a pullLinksQuery result. */
export function pulledAccountIds(result: { items: Item[] }): string[] {
  return result.items.map((row) => row.accountId as string);
}

/** Pipeline step "pulls" (homeFeed, onCelebrityFeedItem): the caller's pulled accounts into `ctx.stash.pulledIds`. */
export function pullsRequest(ctx: Context) {
  return pullLinksQuery(ctx.stash.callerId);
}

export function pullsResponse(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.pulledIds = pulledAccountIds(ctx.result);
  return ctx.stash.pulledIds.length;
}

/** The page token for "after the item with id `id`". */
export function encodeFeedCursor(id: string): string {
  return `${CURSOR_PREFIX}${id}`;
}

/** The id a page token stands for, null for the first page; ValidationError for anything else. */
export function decodeFeedCursor(token: string | null | undefined): string | null {
  if (token === null || token === undefined) return null;
  const id = token.startsWith(CURSOR_PREFIX) ? token.slice(CURSOR_PREFIX.length) : '';
  const valid = id.length === 26 && id.split('').every((c) => ULID_ALPHABET.indexOf(c) >= 0);
  if (!valid) util.error('Invalid nextToken: pass the nextToken of a previous homeFeed page', 'ValidationError', null, { field: 'nextToken' });
  return id;
}

/**
 * Pulled entries as feed rows for `recipientId`, one newest-first list per account: live, below
 * the cursor, at most `limit + 1` each (one more than a page, so a page can tell there is more).
 */
export function pulledLists(recentItems: (Item | null)[], recipientId: string, before: string | null, limit: number, nowSeconds: number): Item[][] {
  const lists: Item[][] = [];
  recentItems.forEach((recent) => {
    if (!recent || !recent.entries) return;
    const rows: Item[] = [];
    (recent.entries as Item[]).forEach((e) => {
      if (rows.length > limit || (before !== null && e.id >= before) || !isLive(e, nowSeconds)) return;
      rows.push({
        sk: e.id,
        recipientId,
        crudId: e.crudId,
        reason: e.reason,
        repostedById: e.repostedById ?? null,
        sourceUserId: recent.accountId,
        createdAt: e.createdAt,
        expiresAt: e.expiresAt,
      });
    });
    if (rows.length > 0) lists.push(rows);
  });
  return lists;
}

export interface MergedPage {
  rows: Item[];
  /** The next page's token, null on the last page. */
  nextToken: string | null;
}

/**
 * Merges the pushed rows (newest first; `pushedMore` when DynamoDB has more below them) with the
 * pulled lists into one page of at most `limit` rows, newest first, one row per id (a pushed row
 * wins over the same id pulled: e.g. posts pushed before the author became pulled).
 *
 * When more pushed rows exist below the last one read, pulled entries below it wait for the next
 * page: the rows in between are not known yet. Expired pushed rows are read (so the cursor moves
 * past them) but not served.
 */
export function mergeFeed(pushed: Item[], pushedMore: boolean, pulled: Item[][], limit: number, nowSeconds: number): MergedPage {
  const floor = pushedMore && pushed.length > 0 ? (pushed[pushed.length - 1].sk as string) : null;
  const lists = [pushed].concat(pulled);
  const heads: number[] = lists.map(() => 0);
  const taken: Item[] = [];
  const seen: Record<string, boolean> = {};
  let last: string | null = null;
  let exhausted = true;
  // One step per row at most (APPSYNC_JS has no while loop).
  const steps: number[] = [];
  lists.forEach((l) => l.forEach(() => steps.push(0)));
  for (const _ of steps) {
    let best = -1;
    lists.forEach((l, i) => {
      const row = l[heads[i]];
      if (row && (best < 0 || row.sk > lists[best][heads[best]].sk)) best = i;
    });
    if (best < 0) break;
    const row = lists[best][heads[best]];
    if (floor !== null && row.sk < floor) break;
    if (!seen[row.sk]) {
      if (taken.length === limit) {
        exhausted = false;
        break;
      }
      seen[row.sk] = true;
      last = row.sk;
      taken.push(row);
    }
    heads[best] = heads[best] + 1;
  }
  const rows = taken.filter((r) => isLive(r, nowSeconds));
  if (!exhausted) return { rows, nextToken: encodeFeedCursor(last as string) };
  // Everything merged fitted; pushed rows may continue below the floor (the last pushed row read).
  if (floor !== null) return { rows, nextToken: encodeFeedCursor(floor) };
  return { rows, nextToken: null };
}
