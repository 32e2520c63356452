/**
 * Table items → GraphQL objects. Items keep their key attributes out of the API; epoch-second
 * expiry (the TTL attribute) becomes ISO 8601. Fields that need a read of their own (author,
 * viewerHasLiked …) are resolved by field resolvers from the ids kept here.
 */
import { util } from '@aws-appsync/utils';

export type Item = Record<string, any>;

/** True when an item with a TTL attribute has not yet expired (TTL deletes lazily, reads must not wait). */
export function isLive(item: Item | null | undefined, nowSeconds: number): boolean {
  if (!item) return false;
  const exp = item.expiresAt;
  return exp === undefined || exp === null || exp > nowSeconds;
}

export function toIso(epochSeconds: number): string {
  return util.time.epochMilliSecondsToISO8601(epochSeconds * 1000);
}

export function crudFromItem(item: Item): Item {
  return {
    id: item.id,
    authorId: item.authorId,
    message: item.message,
    createdAt: item.createdAt,
    expiresAt: toIso(item.expiresAt),
    replyToId: item.replyToId ?? null,
    repliesCount: item.repliesCount ?? 0,
    likesCount: item.likesCount ?? 0,
    repostsCount: item.repostsCount ?? 0,
    hashtags: item.hashtags ?? [],
    mentions: item.mentions ?? [],
    media: mediaFromItem(item),
  };
}

/** Attached images as the API shows them (the upload id stays internal: it names the objects to delete). */
function mediaFromItem(item: Item): Item[] {
  return ((item.media ?? []) as Item[]).map((m) => ({ url: m.url, thumbnailUrl: m.thumbnailUrl, alt: m.alt, width: m.width, height: m.height }));
}

export function userFromItem(item: Item): Item {
  return {
    id: item.id,
    handle: item.handle,
    displayName: item.displayName,
    bio: item.bio ?? null,
    avatarUrl: item.avatarUrl ?? null,
    createdAt: item.createdAt,
    followersCount: item.followersCount ?? 0,
    followingCount: item.followingCount ?? 0,
    crudsCount: item.crudsCount ?? 0,
  };
}

/**
 * The caller's own profile: the public fields and the private unread count. Only `me` and the
 * caller's own mutations return it; every other profile leaves the count out, so values that are
 * shared between callers (AppSync's cache) never carry it.
 */
export function ownProfileFromItem(item: Item): Item {
  return Object.assign(userFromItem(item), { unreadNotificationsCount: item.unreadNotificationsCount ?? 0 });
}

/** A member row (`USER#<me>` / `CONV#<id>`) as the caller's Conversation. */
export function conversationFromMember(item: Item): Item {
  const hasLast = !!item.lastMessageId;
  return {
    id: item.conversationId,
    memberIds: item.memberIds,
    peerId: item.peerId,
    lastMessageAt: item.lastMessageAt ?? null,
    unreadCount: item.unreadCount ?? 0,
    lastMessage: hasLast
      ? {
          id: item.lastMessageId,
          conversationId: item.conversationId,
          senderId: item.lastMessageSenderId,
          body: item.lastMessageBody,
          createdAt: item.lastMessageAt,
          recipientId: null,
        }
      : null,
  };
}

export function messageFromItem(item: Item): Item {
  return {
    id: item.id,
    conversationId: item.conversationId,
    senderId: item.senderId,
    body: item.body,
    createdAt: item.createdAt,
    recipientId: null,
  };
}

export function notificationFromItem(item: Item, readUpTo: string | null | undefined): Item {
  return {
    id: item.sk,
    recipientId: item.recipientId,
    type: item.kind,
    actorId: item.actorId,
    crudId: item.crudId ?? null,
    createdAt: item.createdAt,
    read: !!readUpTo && item.sk <= readUpTo,
  };
}

export function feedItemFromItem(item: Item): Item {
  return {
    id: item.sk,
    recipientId: item.recipientId,
    crudId: item.crudId,
    reason: item.reason,
    repostedById: item.repostedById ?? null,
    createdAt: item.createdAt,
  };
}
