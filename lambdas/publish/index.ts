/**
 * Stream consumer "publish": turns committed rows into real-time events by calling AppSync's
 * IAM-only publish mutations — new feed rows → onFeedItem, a pulled account's new RECENT entries →
 * onCelebrityFeedItem (one event for all its followers), notifications → onNotification,
 * messages → onMessage/onInboxMessage (once per member), crud counter changes and deletions →
 * onCrudChanged. Records are handled in order; the first failure stops the batch and is reported
 * as a partial batch failure, so Lambda retries from there ("Implementing partial batch responses").
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { instrument, powertools } from '../shared/powertools.ts';
import { createAppSyncClient, type AppSyncClient } from './client.ts';
import { publishCallsFor, type PublishCall } from './events.ts';

const tools = powertools('publish');
const { logger } = tools;

let client: AppSyncClient | undefined;

/**
 * Errors that retrying cannot fix: the row the event is about is already gone (a feed row for a
 * crud deleted a moment later). Everything else — transport, throttling, auth — is retried.
 */
const PERMANENT = new Set(['NotFound']);

async function publish(call: PublishCall, api: AppSyncClient): Promise<void> {
  const res = await api(call.query, call.variables);
  const errors = res.errors ?? [];
  if (errors.length === 0) return;
  if (errors.every((e) => e.errorType && PERMANENT.has(e.errorType))) {
    logger.warn('event dropped: its subject is gone', { field: call.field, errors });
    return;
  }
  throw new Error(`${call.field} failed: ${errors.map((e) => `${e.errorType ?? 'Error'}: ${e.message}`).join('; ')}`);
}

async function handle(event: DynamoDBStreamEvent, _context?: unknown, api?: AppSyncClient): Promise<DynamoDBBatchResponse> {
  const appsync = api ?? (client ??= createAppSyncClient());
  for (const record of event.Records) {
    try {
      for (const call of publishCallsFor(record)) await publish(call, appsync);
    } catch (err) {
      logger.error('publishing failed; the batch resumes from this record', { eventID: record.eventID, error: (err as Error).message });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

/** The Lambda entry point: `handle` with Powertools logging context, cold-start and error metrics, tracing. */
export const handler = instrument(tools, handle);
