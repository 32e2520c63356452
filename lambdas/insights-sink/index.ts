/**
 * Stream consumer step "insights": mirrors cruds, likes, reposts, replies, follows and profiles
 * into the analytics database (Postgres through the RDS Data API) with exactly-once effect. It
 * runs inside the `feed-fanout` mapping rather than as a third reader of the table's stream (decision
 * 023; definitions/stream-consumers.ts); `handler` is the same step as a standalone function.
 * Without DATABASE_* settings the step is off.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { instrument, powertools } from '../shared/powertools.ts';
import { databaseTargetFromEnv } from '../shared/database.ts';
import { dataApiDatabase, type InsightsDatabase } from './database.ts';
import { applyRecords, DEFAULT_MAX_HOLD_SECONDS } from './step.ts';

const tools = powertools('insights');
const { logger, metrics } = tools;

let database: InsightsDatabase | null | undefined;

function configuredDatabase(): InsightsDatabase | null {
  if (database === undefined) {
    const config = databaseTargetFromEnv();
    database = config ? dataApiDatabase(config) : null;
    if (!database) logger.warn('DATABASE_CLUSTER_ARN, DATABASE_SECRET_ARN or DATABASE_NAME not set: Insights are not recorded');
  }
  return database;
}

function maxHoldSeconds(): number {
  const v = Number(process.env.INSIGHTS_MAX_HOLD_SECONDS);
  return Number.isFinite(v) && v >= 0 && process.env.INSIGHTS_MAX_HOLD_SECONDS !== '' ? v : DEFAULT_MAX_HOLD_SECONDS;
}

/**
 * The Insights step over a batch: the SequenceNumber to retry from, or null when every record is
 * applied (or skipped after holding too long, logged with its keys and counted as
 * `InsightsRecordsSkipped`).
 */
export async function insightsStep(records: DynamoDBRecord[], db: InsightsDatabase | null = configuredDatabase()): Promise<string | null> {
  if (!db) return null;
  return applyRecords(records, {
    db,
    maxHoldSeconds: maxHoldSeconds(),
    onSkip(record, error) {
      logger.error('Insights skipped a record that kept failing; run the backfill to repair', {
        eventID: record.eventID,
        sequenceNumber: record.dynamodb?.SequenceNumber,
        keys: record.dynamodb?.Keys,
        error: error.message,
      });
      metrics.addMetric('InsightsRecordsSkipped', MetricUnit.Count, 1);
    },
  });
}

async function handle(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failed = await insightsStep(event.Records);
  return { batchItemFailures: failed === null ? [] : [{ itemIdentifier: failed }] };
}

/** The step as a Lambda entry point (partial batch responses). */
export const handler = instrument(tools, handle);
