/**
 * Every key, key prefix and item-type tag of Cruddur's single table (access patterns:
 * docs/data-model.md), declared once for resolvers (bundled for APPSYNC_JS) and Lambdas alike.
 * Pure functions and constants with no imports and no Node APIs: the APPSYNC_JS runtime has
 * neither modules nor Node, so everything here must survive esbuild's bundle and the resolver lint.
 */
export interface Key {
  pk: string;
  sk: string;
}

/**
 * The `type` attribute each row carries (profiles and handle claims carry none: their sort keys
 * `PROFILE` and `HANDLE` say what they are). Stream filters and consumers switch on these.
 */
export const ItemType = {
  CRUD: 'CRUD',
  LIKE: 'LIKE',
  REPOST: 'REPOST',
  FOLLOWS: 'FOLLOWS',
  FOLLOWER: 'FOLLOWER',
  FEED: 'FEED',
  NOTIF: 'NOTIF',
  CONV: 'CONV',
  MEMBER: 'MEMBER',
  MSG: 'MSG',
  TAGGED: 'TAGGED',
  TREND: 'TREND',
  PULL: 'PULL',
  RECENT: 'RECENT',
  /** Once-only guards written in the same transaction as a counter change. */
  MARKER: 'MARKER',
  /** Block and mute rows: the actor's side (`BLOCK`, `MUTE`) and the mirror in the other's partition (`BLOCKED`, `MUTED`). */
  BLOCK: 'BLOCK',
  BLOCKED: 'BLOCKED',
  MUTE: 'MUTE',
  MUTED: 'MUTED',
  BOOKMARK: 'BOOKMARK',
  /** The outcome of processing one upload (definitions/media.ts). */
  UPLOAD: 'UPLOAD',
  /** One word start of a display name, for search by name (definitions/name-search.ts). */
  NAMEWORD: 'NAMEWORD',
} as const;
export type ItemType = (typeof ItemType)[keyof typeof ItemType];

/** Fixed sort keys of singleton rows. */
export const SortKey = { PROFILE: 'PROFILE', HANDLE: 'HANDLE', CRUD: 'CRUD', META: 'META', RECENT: 'RECENT' } as const;

/** Sort-key prefixes queried with `begins_with`. */
export const SkPrefix = {
  LIKE: 'LIKE#',
  REPOST: 'REPOST#',
  FOLLOWS: 'FOLLOWS#',
  FOLLOWER: 'FOLLOWER#',
  CONV: 'CONV#',
  MSG: 'MSG#',
  PULL: 'PULL#',
  TAG: 'TAG#',
} as const;

/** Partition-key prefixes (what a stream consumer may test a raw key against). */
export const PkPrefix = {
  USER: 'USER#',
  HANDLE: 'HANDLE#',
  CRUD: 'CRUD#',
  FEED: 'FEED#',
  NOTIF: 'NOTIF#',
  CONV: 'CONV#',
  TAG: 'TAG#',
  TRENDS: 'TRENDS#',
} as const;

export const userKey = (userId: string): Key & { sk: 'PROFILE' } => ({ pk: `USER#${userId}`, sk: SortKey.PROFILE });
/**
 * The handle claim. Handles are unique case-insensitively, so the key lower-cases whatever it is
 * given: callers pass the handle as typed (idempotent for an already lower-cased one).
 */
export const handleKey = (handle: string): Key & { sk: 'HANDLE' } => ({ pk: `HANDLE#${handle.toLowerCase()}`, sk: SortKey.HANDLE });
export const crudKey = (crudId: string): Key => ({ pk: `CRUD#${crudId}`, sk: SortKey.CRUD });
export const likeKey = (crudId: string, userId: string): Key => ({ pk: `CRUD#${crudId}`, sk: `${SkPrefix.LIKE}${userId}` });
export const repostKey = (crudId: string, userId: string): Key => ({ pk: `CRUD#${crudId}`, sk: `${SkPrefix.REPOST}${userId}` });
/** The follower's side of a follow: `USER#<follower>` / `FOLLOWS#<followee>`. */
export const followsKey = (followerId: string, followeeId: string): Key => ({ pk: `USER#${followerId}`, sk: `${SkPrefix.FOLLOWS}${followeeId}` });
/** The followee's side of a follow: `USER#<followee>` / `FOLLOWER#<follower>`. */
export const followerKey = (followeeId: string, followerId: string): Key => ({ pk: `USER#${followeeId}`, sk: `${SkPrefix.FOLLOWER}${followerId}` });
/** A home-feed entry; `eventId` is the crud id (posts) or the repost id (reposts): both ULIDs. */
export const feedKey = (recipientId: string, eventId: string): Key => ({ pk: `FEED#${recipientId}`, sk: eventId });
export const notificationKey = (recipientId: string, notificationId: string): Key => ({ pk: `NOTIF#${recipientId}`, sk: notificationId });
export const conversationKey = (conversationId: string): Key => ({ pk: `CONV#${conversationId}`, sk: SortKey.META });
/** A member's row of a conversation; its gsi2 (`INBOX#<user>`, last message id) is the inbox. */
export const memberKey = (userId: string, conversationId: string): Key => ({ pk: `USER#${userId}`, sk: `${SkPrefix.CONV}${conversationId}` });
export const messageKey = (conversationId: string, messageId: string): Key => ({ pk: `CONV#${conversationId}`, sk: `${SkPrefix.MSG}${messageId}` });
export const hashtagKey = (tag: string, crudId: string): Key => ({ pk: `TAG#${tag}`, sk: crudId });
export const trendKey = (bucket: number, tag: string): Key => ({ pk: `TRENDS#${bucket}`, sk: `${SkPrefix.TAG}${tag}` });
/**
 * A follower's link to a pulled (high-follower) account it follows: `USER#<follower>` / `PULL#<account>`.
 * The home feed and the live subscription read these to know whose recent posts to merge.
 */
export const pullKey = (followerId: string, accountId: string): Key => ({ pk: `USER#${followerId}`, sk: `${SkPrefix.PULL}${accountId}` });
/** A pulled account's newest posts and reposts (one item, newest first): `USER#<account>` / `RECENT`. */
export const recentKey = (accountId: string): Key => ({ pk: `USER#${accountId}`, sk: SortKey.RECENT });
/** Guards the TTL counter correction of an expired crud (applied once however often its record is retried). */
export const expiryMarkerKey = (crudId: string): Key => ({ pk: `EXPIRED#${crudId}`, sk: 'COUNTED' });
/** Guards a crud's trending counts (counted once however often its record is retried). */
export const trendMarkerKey = (crudId: string): Key => ({ pk: `COUNTED#${crudId}`, sk: 'TRENDS' });

/** Partition values of the generic GSIs. */
export const gsi = {
  /** gsi1: every profile, sorted by lower-case handle (prefix search). Written by the PostConfirmation trigger. */
  handlePrefix: 'HANDLE_PREFIX',
  /** gsi2: a user's top-level cruds by id (= time). */
  userCruds: (userId: string) => `CRUDS#${userId}`,
  /** gsi2: replies to a crud by id (= time). */
  replies: (crudId: string) => `REPLIES#${crudId}`,
  /** gsi2: a user's conversations by last message id (= time). */
  inbox: (userId: string) => `INBOX#${userId}`,
  /** gsi3: every top-level crud by id (= time). */
  publicFeed: 'PUBLIC',
  /** gsi2: every name-word row (definitions/name-search.ts), sorted by the name from that word on, for search by name. */
  namePrefix: 'NAME_PREFIX',
  /** gsi3: a user's replies by id (= time). */
  userReplies: (userId: string) => `REPLIES_BY#${userId}`,
  /** gsi1: a user's like rows by when they liked (ISO time, then crud id). */
  userLikes: (userId: string) => `LIKES#${userId}`,
  /** gsi2: a user's bookmarks by a ULID taken when bookmarking (= newest bookmarked first). */
  bookmarks: (userId: string) => `BOOKMARKS#${userId}`,
  /** gsi3: who bookmarked a crud (the clean-up removes those rows when the crud is deleted). */
  bookmarkedBy: (crudId: string) => `BOOKMARKED#${crudId}`,
} as const;

/** The gsi1 attributes of a like row: the liker's likes, most recent first (Query.likedCruds). */
export function likeIndex(userId: string, createdAtIso: string, crudId: string): { gsi1pk: string; gsi1sk: string } {
  return { gsi1pk: gsi.userLikes(userId), gsi1sk: `${createdAtIso}#${crudId}` };
}

/** A name-search index row of a user: `USER#<id>` / `NAMEWORD#<position>` (definitions/name-search.ts). */
export const nameWordKey = (userId: string, position: number): Key => ({ pk: `USER#${userId}`, sk: `NAMEWORD#${position}` });

/** Trending buckets are 6 hours wide and numbered from the epoch, so no calendar or year boundary is involved. */
export const TREND_BUCKET_SECONDS = 21600;
export const trendBucket = (epochSeconds: number): number => Math.floor(epochSeconds / TREND_BUCKET_SECONDS);

/** One conversation per pair: its id is derived from the two member ids, so concurrent first messages meet. */
export function conversationIdFor(a: string, b: string): string {
  return a < b ? `${a}_${b}` : `${b}_${a}`;
}

/** Conversation ids are `<smaller id>_<larger id>`; user ids (Cognito subs) never contain `_`. */
export function conversationMembers(conversationId: string): string[] {
  return conversationId.split('_');
}

// --- Safety, bookmarks and notification de-duplication ---------------------------------------

/**
 * The once-only guard of a notification: one per (recipient, kind, actor, crud), so liking,
 * unliking and liking again (or following, unfollowing, following again) notifies once.
 * `crudId` is `-` for follows. Kept as long as the notification it guards.
 */
export const notifiedKey = (recipientId: string, kind: string, actorId: string, crudId: string): Key => ({
  pk: `NOTIFIED#${recipientId}`,
  sk: `${kind}#${actorId}#${crudId}`,
});

/**
 * Blocks and mutes live in both users' partitions under one prefix, `SAFETY#`, so one Query of a
 * user's partition tells the resolvers whom to hide from them and tells the fan-out consumer whom
 * not to deliver an author's cruds to: `BLOCKS#<them>` (I block them), `BLOCKEDBY#<them>` (they
 * block me), `MUTES#<them>` (I mute them), `MUTEDBY#<them>` (they mute me).
 */
export const SAFETY_PREFIX = 'SAFETY#';
export type SafetyRelation = 'BLOCKS' | 'BLOCKEDBY' | 'MUTES' | 'MUTEDBY';
export const safetyKey = (userId: string, relation: SafetyRelation, otherId: string): Key => ({
  pk: `USER#${userId}`,
  sk: `${SAFETY_PREFIX}${relation}#${otherId}`,
});
/** The relation and the other user of a `SAFETY#` sort key. */
export function safetyRelationOf(sk: string): { relation: SafetyRelation; otherId: string } {
  const parts = sk.split('#');
  return { relation: parts[1] as SafetyRelation, otherId: parts[2] };
}

/** A private bookmark: `USER#<user>` / `BOOKMARK#<crud id>`; carries the crud's expiresAt. */
export const bookmarkKey = (userId: string, crudId: string): Key => ({ pk: `USER#${userId}`, sk: `BOOKMARK#${crudId}` });
