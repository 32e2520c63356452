/**
 * A plan (plan.ts) turned into the items the product would hold after every request and every
 * stream consumer ran: the rows resolvers write (profiles, claims, follows, cruds, likes, reposts,
 * messages, member and conversation rows) with their counters, and the rows the fan-out consumer
 * derives (feed rows, notifications, hashtag rows, trend counts and their markers). Row shapes
 * come from the code that writes them in the product: key helpers (definitions/keys.ts), the
 * PostConfirmation profile, the consumer's feed, notification and hashtag row builders, and the
 * message builder. What is left spelled here (crud, edge and member rows) is checked against the
 * public API path by large.test.ts.
 *
 * Expired cruds keep their rows (DynamoDB's TTL deletes "within a few days"); the TTL sweep then
 * removes them and the consumer cleans up, as in the product. Bookkeeping rows whose own expiry
 * has passed (old trend counts and markers) are left out: TTL would long have removed them.
 */
import { randomBytes } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeMap } from '../../local/src/dynamodb/streams/record.ts';
import { profileItems } from '../../lambdas/cognito-post-confirmation/profile.ts';
import { feedRow } from '../../lambdas/feed-fanout/feed.ts';
import { hashtagRows, trendCounting } from '../../lambdas/feed-fanout/hashtags.ts';
import { pullRow } from '../../lambdas/feed-fanout/pulled.ts';
import { normalise, type RecentEntry } from '../../lambdas/feed-fanout/recent.ts';
import { fanoutMode, fanoutSettings, type FanoutSettings } from '../../definitions/fanout.ts';
import { notificationForEdge, notificationMarker, notificationRow, type NotificationEvent } from '../../lambdas/feed-fanout/notifications.ts';
import { conversationIdFor, conversationKey, conversationMembers, crudKey, feedKey, followerKey, followsKey, gsi, ItemType, likeIndex, likeKey, memberKey, recentKey, repostKey, trendKey } from '../../definitions/keys.ts';
import { tokensOf } from '../../definitions/text-tokens.ts';
import { messageItem, PREVIEW_LENGTH } from '../../resolvers/lib/messages.ts';
import { clip } from '../../definitions/text.ts';
import type { Plan } from './plan.ts';

export type Item = Record<string, any>;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID for a past moment (48-bit ms time + 80 random bits), so ids sort by when things happened. */
export function ulidAt(ms: number): string {
  let time = '';
  for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  const bytes = randomBytes(16);
  let rest = '';
  for (let i = 0; i < 16; i++) rest += CROCKFORD[bytes[i] & 31];
  return time + rest;
}

const iso = (ms: number) => new Date(ms).toISOString();
const epoch = (ms: number) => Math.floor(ms / 1000);

/** Ids the product would have generated: subs per user, ULIDs per crud, repost and message. */
export interface FixtureIds {
  subs: string[];
  cruds: string[];
  reposts: string[];
  messages: string[][];
}

export function assignIds(plan: Plan, subs: string[]): FixtureIds {
  return {
    subs,
    cruds: plan.cruds.map((c) => ulidAt(c.at)),
    reposts: plan.reposts.map((r) => ulidAt(r.at)),
    messages: plan.conversations.map((c) => c.messages.map((m) => ulidAt(m.at))),
  };
}

const m = (item: Item): AttributeMap => marshall(item, { removeUndefinedValues: true }) as AttributeMap;

/**
 * Yields every item of the fixture (DynamoDB JSON), in batches of about `batchSize`: a large
 * fixture has millions of feed rows, so they are never all in memory at once.
 */
export function* fixtureItems(plan: Plan, ids: FixtureIds, settings: FanoutSettings = fanoutSettings, batchSize = 5000): Generator<AttributeMap[]> {
  const { subs } = ids;
  const sub = (i: number) => subs[i];
  const byHandle = new Map(plan.users.map((u, i) => [u.handle.toLowerCase(), i]));
  const followers: number[][] = plan.users.map(() => []);
  const followingCount = plan.users.map(() => 0);
  for (const f of plan.follows) {
    followers[f.followee].push(f.follower);
    followingCount[f.follower] += 1;
  }
  const crudsCount = plan.users.map(() => 0);
  const replies = plan.cruds.map(() => 0);
  const likes = plan.cruds.map(() => 0);
  const reposts = plan.cruds.map(() => 0);
  for (const c of plan.cruds) {
    if (c.replyTo === undefined) crudsCount[c.author] += 1;
    else replies[c.replyTo] += 1;
  }
  for (const l of plan.likes) likes[l.crud] += 1;
  for (const r of plan.reposts) reposts[r.crud] += 1;
  // Hybrid fan-out (decision 026), with the consumer's settings: every follow precedes every post,
  // so an account's mode is settled before it posts. A pulled account was promoted by the follow
  // that reached the threshold; its posts and reposts go to its RECENT item, not to followers.
  const pulledSince = plan.users.map((_, i) => (fanoutMode(followers[i].length, false, settings) === 'pull' ? plan.follows.filter((f) => f.followee === i)[settings.pullAt - 1].at : undefined));
  const recent: { entries: RecentEntry[]; last: number }[] = plan.users.map(() => ({ entries: [], last: 0 }));

  let out: AttributeMap[] = [];
  const unread = plan.users.map(() => 0);
  const subIndex = new Map(subs.map((s, i) => [s, i]));
  // As notify() does: never to oneself; the recipient's unread counter counts each one.
  const notify = (e: NotificationEvent | undefined) => {
    if (!e || !e.recipientId || e.recipientId === e.actorId) return;
    unread[subIndex.get(e.recipientId)!] += 1;
    out.push(m(notificationRow(e)), m(notificationMarker(e)));
  };

  // Follows (and FOLLOW notifications).
  for (const f of plan.follows) {
    const row = { followerId: sub(f.follower), followeeId: sub(f.followee), createdAt: iso(f.at) };
    const a = followsKey(row.followerId, row.followeeId);
    const b = followerKey(row.followeeId, row.followerId);
    const follows = { ...a, type: ItemType.FOLLOWS, ...row };
    out.push(m(follows), m({ ...b, type: ItemType.FOLLOWER, ...row }));
    notify(notificationForEdge(follows));
    if (out.length >= batchSize) yield flush();
  }
  yield flush();

  // Cruds, their feed rows, tags, and REPLY / MENTION notifications.
  const trends = new Map<string, { bucket: number; tag: string; count: number; expiresAt: number }>();
  const crudItems: Item[] = [];
  for (const [k, c] of plan.cruds.entries()) {
    const id = ids.cruds[k];
    const item: Item = {
      ...crudKey(id),
      type: ItemType.CRUD,
      id,
      authorId: sub(c.author),
      message: c.message,
      createdAt: iso(c.at),
      expiresAt: epoch(c.expiresAt),
      repliesCount: replies[k],
      likesCount: likes[k],
      repostsCount: reposts[k],
      hashtags: tokensOf(c.message.normalize('NFC'), 'hashtag'),
      mentions: tokensOf(c.message.normalize('NFC'), 'mention'),
      gsi2pk: c.replyTo === undefined ? gsi.userCruds(sub(c.author)) : gsi.replies(ids.cruds[c.replyTo]),
      gsi2sk: id,
    };
    if (c.replyTo === undefined) Object.assign(item, { gsi3pk: gsi.publicFeed, gsi3sk: id });
    else Object.assign(item, { replyToId: ids.cruds[c.replyTo], gsi3pk: gsi.userReplies(sub(c.author)), gsi3sk: id });
    crudItems.push(item);
    out.push(m(item));
    if (c.replyTo === undefined) {
      out.push(m(feedRow(item.authorId, id, item, 'OWN', item.createdAt, item.authorId)));
      if (pulledSince[c.author] === undefined) fanOut(followers[c.author], id, feedRow('', id, item, 'FOLLOWING', item.createdAt, item.authorId));
      else addRecent(c.author, { id, crudId: id, reason: 'FOLLOWING', createdAt: item.createdAt, expiresAt: item.expiresAt }, c.at);
    }
    out.push(...hashtagRows(item).map(m));
    if (item.hashtags.length > 0) {
      const { bucket, expiresAt, marker } = trendCounting(item);
      if (expiresAt > epoch(plan.now)) {
        out.push(m(marker));
        for (const tag of item.hashtags as string[]) {
          const t = trends.get(`${bucket}#${tag}`) ?? { bucket, tag, count: 0, expiresAt };
          t.count += 1;
          trends.set(`${bucket}#${tag}`, t);
        }
      }
    }
    const parentAuthor = c.replyTo === undefined ? undefined : sub(plan.cruds[c.replyTo].author);
    if (parentAuthor) notify({ recipientId: parentAuthor, type: 'REPLY', actorId: item.authorId, crudId: id, createdAt: item.createdAt });
    for (const handle of item.mentions as string[]) {
      const u = byHandle.get(handle);
      if (u !== undefined && sub(u) !== parentAuthor) notify({ recipientId: sub(u), type: 'MENTION', actorId: item.authorId, crudId: id, createdAt: item.createdAt });
    }
    if (out.length >= batchSize) yield flush();
  }
  for (const t of trends.values()) out.push(m({ ...trendKey(t.bucket, t.tag), type: ItemType.TREND, tag: t.tag, count: t.count, expiresAt: t.expiresAt }));
  yield flush();

  // Likes and reposts (and their notifications); a repost feeds the reposter and their followers.
  for (const l of plan.likes) {
    const crud = crudItems[l.crud];
    const edge = { ...likeKey(crud.id, sub(l.user)), type: ItemType.LIKE, crudId: crud.id, userId: sub(l.user), crudAuthorId: crud.authorId, createdAt: iso(l.at), expiresAt: crud.expiresAt, ...likeIndex(sub(l.user), iso(l.at), crud.id) };
    out.push(m(edge));
    notify(notificationForEdge(edge));
    if (out.length >= batchSize) yield flush();
  }
  for (const [k, r] of plan.reposts.entries()) {
    const crud = crudItems[r.crud];
    const edge = { ...repostKey(crud.id, sub(r.user)), type: ItemType.REPOST, crudId: crud.id, userId: sub(r.user), crudAuthorId: crud.authorId, createdAt: iso(r.at), expiresAt: crud.expiresAt, repostId: ids.reposts[k] };
    out.push(m(edge));
    notify(notificationForEdge(edge));
    const row = feedRow('', edge.repostId, crud, 'REPOST', edge.createdAt, edge.userId, edge.userId);
    if (pulledSince[r.user] === undefined) fanOut([r.user, ...followers[r.user]], edge.repostId, row);
    else {
      fanOut([r.user], edge.repostId, row);
      addRecent(r.user, { id: edge.repostId, crudId: crud.id, reason: 'REPOST', createdAt: edge.createdAt, expiresAt: crud.expiresAt, repostedById: edge.userId }, r.at);
    }
    if (out.length >= batchSize) yield flush();
  }
  yield flush();

  // Conversations: messages, both member rows as the last message left them, the conversation row.
  for (const [n, c] of plan.conversations.entries()) {
    const conversationId = conversationIdFor(sub(c.a), sub(c.b));
    const members = [c.a, c.b];
    const state = members.map(() => ({ unread: 0, lastRead: undefined as string | undefined }));
    c.messages.forEach((msg, i) => {
      const id = ids.messages[n][i];
      out.push(m(messageItem({ id, conversationId, senderId: sub(members[msg.from]), peerId: sub(members[1 - msg.from]), body: msg.body, createdAt: iso(msg.at) })));
      state[msg.from] = { unread: 0, lastRead: id };
      state[1 - msg.from].unread += 1;
    });
    const last = c.messages[c.messages.length - 1];
    const lastId = ids.messages[n][c.messages.length - 1];
    const first = iso(c.messages[0].at);
    members.forEach((u, side) => {
      const row: Item = {
        ...memberKey(sub(u), conversationId),
        type: ItemType.MEMBER,
        conversationId,
        userId: sub(u),
        peerId: sub(members[1 - side]),
        memberIds: conversationMembers(conversationId),
        lastMessageId: lastId,
        lastMessageAt: iso(last.at),
        lastMessageBody: clip(last.body, PREVIEW_LENGTH),
        lastMessageSenderId: sub(members[last.from]),
        gsi2pk: gsi.inbox(sub(u)),
        gsi2sk: lastId,
        createdAt: first,
        unreadCount: state[side].unread,
      };
      if (state[side].lastRead) row.lastReadMessageId = state[side].lastRead;
      out.push(m(row));
    });
    out.push(m({ ...conversationKey(conversationId), type: ItemType.CONV, id: conversationId, memberIds: conversationMembers(conversationId), lastMessageAt: iso(last.at), createdAt: first }));
  }
  yield flush();

  // Profiles last: their counters are final only now.
  const joined = iso(plan.follows.length > 0 ? plan.follows[0].at - 60_000 : plan.now - 86_400_000);
  for (const [i, u] of plan.users.entries()) {
    const { profile, claim, nameRows } = profileItems(sub(i), u.handle, u.name, new Date(joined));
    const item: Item = { ...profile, followersCount: followers[i].length, followingCount: followingCount[i], crudsCount: crudsCount[i] };
    if (unread[i] > 0) item.unreadNotificationsCount = unread[i];
    out.push(...nameRows.map(m), m(item), m(claim));
    const since = pulledSince[i];
    if (since !== undefined) {
      Object.assign(item, { celebrity: true, pulledSince: since });
      out[out.length - 2] = m(item);
      for (const f of followers[i]) out.push(m(pullRow(sub(f), sub(i))));
      // Promotion wrote RECENT once (empty: no posts yet), then each post or repost once more.
      const { entries, last } = recent[i];
      out.push(m({ ...recentKey(sub(i)), type: ItemType.RECENT, accountId: sub(i), entries: normalise(entries, epoch(last)), version: 1 + entries.length }));
    }
    if (out.length >= batchSize) yield flush();
  }
  yield flush();

  /** A post or repost of a pulled account, listed in its RECENT item as the consumer would at `at`. */
  function addRecent(account: number, entry: RecentEntry, at: number): void {
    recent[account].entries.push(entry);
    recent[account].last = Math.max(recent[account].last, at);
  }

  /** One feed row per recipient: the row is built (and marshalled) once, then its recipient set. */
  function fanOut(recipients: number[], eventId: string, row: Item): void {
    const template = m(row);
    for (const r of recipients) out.push({ ...template, pk: { S: feedKey(sub(r), eventId).pk }, recipientId: { S: sub(r) } });
  }

  function flush(): AttributeMap[] {
    const batch = out;
    out = [];
    return batch;
  }
}
