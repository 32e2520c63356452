/**
 * The publish calls a stream record needs: which records become which live events is declared in
 * definitions/live-events.ts (the consumer's filter derives from the same list); here each
 * mutation's input is built. Pure, so the mapping is testable without a network.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { liveEvents, rowEventsFor, type LiveMutation } from '../../definitions/live-events.ts';
import { PUBLISH_CELEBRITY_FEED_ITEM, PUBLISH_CRUD_CHANGED, PUBLISH_FEED_ITEM, PUBLISH_MESSAGE, PUBLISH_NOTIFICATION, PUBLISH_USER_CHANGED } from './documents.ts';

export interface PublishCall {
  /** The mutation field, for logs. */
  field: LiveMutation;
  query: string;
  variables: { input: Record<string, unknown> };
}

type Item = Record<string, any>;

export function imageOf(image: Record<string, AttributeValue> | undefined): Item | undefined {
  return image ? unmarshall(image as never) : undefined;
}

const COUNTERS = ['likesCount', 'repliesCount', 'repostsCount'] as const;

type Builder = (prev: Item | undefined, next: Item | undefined, record: DynamoDBRecord) => PublishCall[];

/**
 * One builder per publish mutation definitions/live-events.ts declares (the type makes a missing
 * one a compile error); which records reach which builder is decided there, as is the filter.
 */
const builders: Record<LiveMutation, Builder> = {
  publishFeedItem: (_prev, next) =>
    next!.backfilled
      ? []
      : [
          {
            field: 'publishFeedItem',
            query: PUBLISH_FEED_ITEM,
            variables: {
              input: { id: next!.sk, recipientId: next!.recipientId, crudId: next!.crudId, reason: next!.reason, repostedById: next!.repostedById ?? null, createdAt: next!.createdAt },
            },
          },
        ],
  publishCelebrityFeedItem: (prev, next) => celebrityFeedItems(prev, next!),
  publishNotification: (_prev, next) => [
    {
      field: 'publishNotification',
      query: PUBLISH_NOTIFICATION,
      variables: { input: { id: next!.sk, recipientId: next!.recipientId, type: next!.kind, actorId: next!.actorId, crudId: next!.crudId ?? null, createdAt: next!.createdAt } },
    },
  ],
  // One event per member: subscription filters pin recipientId, so each member gets it once.
  publishMessage: (_prev, next) =>
    (next!.memberIds as string[]).map((recipientId) => ({
      field: 'publishMessage' as const,
      query: PUBLISH_MESSAGE,
      variables: { input: { id: next!.id, recipientId, conversationId: next!.conversationId, senderId: next!.senderId, body: next!.body, createdAt: next!.createdAt } },
    })),
  publishCrudChanged: (prev, next, record) => {
    if (record.eventName === 'REMOVE') return [crudChanged(prev!, true)];
    if (COUNTERS.every((c) => (prev![c] ?? 0) === (next![c] ?? 0))) return [];
    return [crudChanged(next!, false)];
  },
  // A new profile (sign-up, or a handle claimed again after deleteAccount) is published like an
  // edit, so publishUserChanged evicts a `null` the API cache may hold for the handle.
  publishUserChanged: (prev, next) => userChanged(prev ?? {}, next!),
};

/** The publish calls one stream record leads to (often none). */
export function publishCallsFor(record: DynamoDBRecord): PublishCall[] {
  const next = imageOf(record.dynamodb?.NewImage);
  const prev = imageOf(record.dynamodb?.OldImage);
  return rowEventsFor(liveEvents, record).flatMap((e) => builders[e.mutation](prev, next, record));
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
