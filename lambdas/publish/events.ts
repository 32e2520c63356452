/**
 * Which stream records become which live events. Pure functions from a stream record to the
 * publish calls it needs, so the mapping is testable without a network.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { PUBLISH_CELEBRITY_FEED_ITEM, PUBLISH_CRUD_CHANGED, PUBLISH_FEED_ITEM, PUBLISH_MESSAGE, PUBLISH_NOTIFICATION, PUBLISH_USER_CHANGED } from './documents.ts';

export interface PublishCall {
  /** The mutation field, for logs. */
  field: 'publishFeedItem' | 'publishCelebrityFeedItem' | 'publishNotification' | 'publishMessage' | 'publishCrudChanged' | 'publishUserChanged';
  query: string;
  variables: { input: Record<string, unknown> };
}

type Item = Record<string, any>;

export function imageOf(image: Record<string, AttributeValue> | undefined): Item | undefined {
  return image ? unmarshall(image as never) : undefined;
}

const COUNTERS = ['likesCount', 'repliesCount', 'repostsCount'] as const;

/** The publish calls one stream record leads to (often none). */
export function publishCallsFor(record: DynamoDBRecord): PublishCall[] {
  const next = imageOf(record.dynamodb?.NewImage);
  const prev = imageOf(record.dynamodb?.OldImage);
  if (next && next.type === 'RECENT' && (record.eventName === 'INSERT' || record.eventName === 'MODIFY')) return celebrityFeedItems(prev, next);
  if (record.eventName === 'INSERT' && next) {
    if (next.type === 'FEED' && next.backfilled) return [];
    // A new profile (sign-up, or a handle claimed again after deleteAccount): published like an
    // edit, so publishUserChanged evicts a `null` the API cache may hold for the handle.
    if (next.sk === 'PROFILE') return userChanged({}, next);
    if (next.type === 'FEED') {
      return [
        {
          field: 'publishFeedItem',
          query: PUBLISH_FEED_ITEM,
          variables: {
            input: {
              id: next.sk,
              recipientId: next.recipientId,
              crudId: next.crudId,
              reason: next.reason,
              repostedById: next.repostedById ?? null,
              createdAt: next.createdAt,
            },
          },
        },
      ];
    }
    if (next.type === 'NOTIF') {
      return [
        {
          field: 'publishNotification',
          query: PUBLISH_NOTIFICATION,
          variables: {
            input: { id: next.sk, recipientId: next.recipientId, type: next.kind, actorId: next.actorId, crudId: next.crudId ?? null, createdAt: next.createdAt },
          },
        },
      ];
    }
    if (next.type === 'MSG') {
      // One event per member: subscription filters pin recipientId, so each member gets it once.
      return (next.memberIds as string[]).map((recipientId) => ({
        field: 'publishMessage' as const,
        query: PUBLISH_MESSAGE,
        variables: {
          input: { id: next.id, recipientId, conversationId: next.conversationId, senderId: next.senderId, body: next.body, createdAt: next.createdAt },
        },
      }));
    }
    return [];
  }
  if (prev && prev.type === 'CRUD' && record.eventName === 'MODIFY' && next) {
    if (COUNTERS.every((c) => (prev[c] ?? 0) === (next[c] ?? 0))) return [];
    return [crudChanged(next, false)];
  }
  if (prev && prev.type === 'CRUD' && record.eventName === 'REMOVE') return [crudChanged(prev, true)];
  if (prev && next && record.eventName === 'MODIFY' && next.sk === 'PROFILE') return userChanged(prev, next);
  return [];
}

/**
 * A pulled account's RECENT item gained entries (decision 026): one shared event per new post or
 * repost, for all its followers at once (onCelebrityFeedItem filters on recipientId = the account).
 * Entries seeded when the account became pulled were pushed already and are not announced.
 */
function celebrityFeedItems(prev: Item | undefined, next: Item): PublishCall[] {
  const known = new Set(((prev?.entries as Item[] | undefined) ?? []).map((e) => e.id as string));
  return ((next.entries as Item[] | undefined) ?? [])
    .filter((e) => !known.has(e.id) && !e.backfilled)
    .map((e) => ({
      field: 'publishCelebrityFeedItem' as const,
      query: PUBLISH_CELEBRITY_FEED_ITEM,
      variables: {
        input: { id: e.id, recipientId: next.accountId, crudId: e.crudId, reason: e.reason, repostedById: e.repostedById ?? null, createdAt: e.createdAt },
      },
    }));
}

/** Public profile fields whose change subscribers see live (onUserChanged); counters are not among them. */
const PROFILE_FIELDS = ['handle', 'displayName', 'bio', 'avatarUrl'] as const;

function userChanged(prev: Item, next: Item): PublishCall[] {
  if (PROFILE_FIELDS.every((f) => (prev[f] ?? null) === (next[f] ?? null))) return [];
  return [
    {
      field: 'publishUserChanged',
      query: PUBLISH_USER_CHANGED,
      variables: { input: { id: next.id, handle: next.handle, displayName: next.displayName, bio: next.bio ?? null, avatarUrl: next.avatarUrl ?? null } },
    },
  ];
}

function crudChanged(item: Item, deleted: boolean): PublishCall {
  return {
    field: 'publishCrudChanged',
    query: PUBLISH_CRUD_CHANGED,
    variables: {
      input: { id: item.id, likesCount: item.likesCount ?? 0, repliesCount: item.repliesCount ?? 0, repostsCount: item.repostsCount ?? 0, deleted },
    },
  };
}
