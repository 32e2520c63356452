/**
 * Stream consumer "feed-fanout": everything derived from the rows users write — home-feed rows (pushed,
 * or listed for pulling when the author has many followers, with the follow-driven switch between
 * the two: pulled.ts), hashtag index and trending counts, notifications, clean-up after a crud
 * goes (its images too), and counter corrections for TTL expiries. Records are processed in order; the first failure ends the batch
 * with a partial batch response naming it, so Lambda retries from that record on
 * ("Implementing partial batch responses" for DynamoDB streams). Every step is idempotent.
 * The same invocation also runs the Insights step (lambdas/insights-sink) on the batch.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { fanoutReactions, rowEventsFor, type FanoutReaction } from '../../definitions/live-events.ts';
import { instrument, powertools } from '../shared/powertools.ts';
import { isTtlDeletion } from '../shared/stream-record.ts';
import { notificationForEdge, notificationsForCrud, notify } from './notifications.ts';
import { onCrudExpired } from './expiry-counters.ts';
import { onCrudRemovedChildren } from './cleanup.ts';
import { onCrudRemovedMedia } from './media.ts';
import { onCrudCreated, onCrudRemovedFeeds, onFollowCreated, onFollowRemoved, onRepostCreated, onRepostRemoved } from './feed.ts';
import { onCrudCreatedTags } from './hashtags.ts';
import { insightsStep } from '../insights-sink/index.ts';
import { reconcileMode } from './pulled.ts';
import { onBlockCreated } from './safety.ts';
import type { Item } from './table-ops.ts';

const tools = powertools('feed-fanout');
const { logger } = tools;

const image = (m: Record<string, unknown> | undefined): Item | undefined => (m ? unmarshall(m as never) : undefined);

type Reaction = (prev: Item | undefined, next: Item | undefined, record: DynamoDBRecord) => Promise<void>;

/**
 * One reaction per entry of definitions/live-events.ts `fanoutReactions` (the type makes a missing
 * one a compile error); which records reach which reaction is decided there, as is the filter.
 */
const reactions: Record<FanoutReaction, Reaction> = {
  crudCreated: async (_prev, next) => {
    await onCrudCreated(next!);
    await onCrudCreatedTags(next!);
    for (const e of await notificationsForCrud(next!)) await notify(e);
  },
  crudRemoved: async (prev, _next, record) => {
    if (isTtlDeletion(record)) await onCrudExpired(prev!);
    await onCrudRemovedFeeds(prev!);
    await onCrudRemovedChildren(prev!);
    await onCrudRemovedMedia(prev!);
  },
  repostCreated: async (_prev, next) => {
    await onRepostCreated(next!);
    await notifyEdge(next!);
  },
  repostRemoved: async (prev) => onRepostRemoved(prev!),
  likeCreated: async (_prev, next) => notifyEdge(next!),
  blockCreated: async (_prev, next) => onBlockCreated(next!),
  followCreated: async (_prev, next) => {
    await onFollowCreated(next!);
    await reconcileMode(next!.followeeId);
    await notifyEdge(next!);
  },
  followRemoved: async (prev) => {
    await onFollowRemoved(prev!);
    await reconcileMode(prev!.followeeId);
  },
};

export async function processRecord(record: DynamoDBRecord): Promise<void> {
  const next = image(record.dynamodb?.NewImage);
  const prev = image(record.dynamodb?.OldImage);
  for (const e of rowEventsFor(fanoutReactions, record)) await reactions[e.reaction](prev, next, record);
}

async function notifyEdge(row: Item): Promise<void> {
  const e = notificationForEdge(row);
  if (e) await notify(e);
}

/** Fan-out in record order; the SequenceNumber of the first record that failed, or null. */
async function fanOut(records: DynamoDBRecord[]): Promise<string | null> {
  for (const record of records) {
    try {
      await processRecord(record);
    } catch (err) {
      logger.error('record failed; the batch resumes from it', { eventID: record.eventID, eventName: record.eventName, error: (err as Error).message });
      return record.dynamodb?.SequenceNumber ?? '';
    }
  }
  return null;
}

/**
 * Fan-out and the Insights step run side by side on the same batch (decision 023): each reports
 * the record it failed at, and Lambda resumes from the lowest reported SequenceNumber. Both are
 * idempotent, so what one re-runs after the other failed changes nothing.
 */
async function handle(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failed = await Promise.all([fanOut(event.Records), insightsStep(event.Records)]);
  return { batchItemFailures: failed.filter((f): f is string => f !== null).map((itemIdentifier) => ({ itemIdentifier })) };
}

/** The Lambda entry point: `handle` with Powertools logging context, cold-start and error metrics, tracing. */
export const handler = instrument(tools, handle);
