/**
 * Stream consumer "fanout": everything derived from the rows users write — home-feed rows (pushed,
 * or listed for pulling when the author has many followers, with the follow-driven switch between
 * the two: pulled.ts), hashtag index and trending counts, notifications, clean-up after a crud
 * goes, and counter corrections for TTL expiries. Records are processed in order; the first failure ends the batch
 * with a partial batch response naming it, so Lambda retries from that record on
 * ("Implementing partial batch responses" for DynamoDB streams). Every step is idempotent.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { instrument, powertools } from '../shared/powertools.ts';
import { notificationForEdge, notificationsForCrud, notify } from '../notifications/notify.ts';
import { onCrudExpired } from '../counters/expiry.ts';
import { onCrudRemovedChildren } from './cleanup.ts';
import { onCrudCreated, onCrudRemovedFeeds, onFollowCreated, onFollowRemoved, onRepostCreated, onRepostRemoved } from './feed.ts';
import { onCrudCreatedTags } from './hashtags.ts';
import { reconcileMode } from './pulled.ts';
import type { Item } from './table-ops.ts';

const tools = powertools('fanout');
const { logger } = tools;

const image = (m: Record<string, unknown> | undefined): Item | undefined => (m ? unmarshall(m as never) : undefined);

/** True for deletions made by the TTL service rather than by a request. */
function isTtlDeletion(record: DynamoDBRecord): boolean {
  return record.userIdentity?.type === 'Service' && record.userIdentity?.principalId === 'dynamodb.amazonaws.com';
}

export async function processRecord(record: DynamoDBRecord): Promise<void> {
  const next = image(record.dynamodb?.NewImage);
  const prev = image(record.dynamodb?.OldImage);
  if (record.eventName === 'INSERT' && next) {
    switch (next.type) {
      case 'CRUD':
        await onCrudCreated(next);
        await onCrudCreatedTags(next);
        for (const e of await notificationsForCrud(next)) await notify(e);
        return;
      case 'REPOST':
        await onRepostCreated(next);
        await notifyEdge(next);
        return;
      case 'LIKE':
        await notifyEdge(next);
        return;
      case 'FOLLOWS':
        await onFollowCreated(next);
        await reconcileMode(next.followeeId);
        await notifyEdge(next);
        return;
      default:
        return;
    }
  }
  if (record.eventName === 'REMOVE' && prev) {
    switch (prev.type) {
      case 'CRUD':
        if (isTtlDeletion(record)) await onCrudExpired(prev);
        await onCrudRemovedFeeds(prev);
        await onCrudRemovedChildren(prev);
        return;
      case 'REPOST':
        await onRepostRemoved(prev);
        return;
      case 'FOLLOWS':
        await onFollowRemoved(prev);
        await reconcileMode(prev.followeeId);
        return;
      default:
        return;
    }
  }
}

async function notifyEdge(row: Item): Promise<void> {
  const e = notificationForEdge(row);
  if (e) await notify(e);
}

async function handle(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    try {
      await processRecord(record);
    } catch (err) {
      logger.error('record failed; the batch resumes from it', { eventID: record.eventID, eventName: record.eventName, error: (err as Error).message });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

/** The Lambda entry point: `handle` with Powertools logging context, cold-start and error metrics, tracing. */
export const handler = instrument(tools, handle);
