/**
 * Lambda consumers of the table's DynamoDB stream. Both halves read this list: `local/` runs each
 * entry as an in-process event source mapping (local/src/dynamodb/streams/), `infra/` creates a
 * real `AWS::Lambda::EventSourceMapping` from the same fields, so batching, retries and partial
 * batch responses behave the same offline and in the cloud.
 * Field meanings follow Lambda's "parameters for Amazon DynamoDB event source mappings" page.
 */
import { functions } from './functions.ts';
import { fanoutReactions, filterPatternsFor, insightsRowEvents, liveEvents } from './live-events.ts';

export interface StreamConsumerDefinition {
  /** Function name (also the offline checkpoint and failure-destination file name); the handler's folder name. */
  name: string;
  /** Names this consumer had before: offline, a data dir's checkpoint kept under one is adopted, not replayed. */
  formerNames?: string[];
  /** `lambdas/<dir>/index.ts#<export>`. */
  handler: string;
  /** 1–10,000 records per invocation (Lambda default 100). */
  batchSize: number;
  /** 0–300 s to gather records before invoking (Lambda default 0). */
  maximumBatchingWindowInSeconds: number;
  /** -1 = retry until the record expires (24 h); 0–10,000 otherwise. */
  maximumRetryAttempts: number;
  /** Split a failing batch in two before retrying. */
  bisectBatchOnFunctionError: boolean;
  /** `FunctionResponseTypes: ['ReportBatchItemFailures']`: honour `{batchItemFailures}` responses. */
  reportBatchItemFailures: boolean;
  startingPosition: 'LATEST' | 'TRIM_HORIZON';
  /**
   * Optional `FilterCriteria` patterns (Lambda event filtering syntax, e.g.
   * `{ eventName: ['INSERT'], dynamodb: { NewImage: { pk: { S: [{ prefix: 'CRUD#' }] } } } }`).
   * A record is delivered when it matches any pattern; others are skipped.
   */
  filterPatterns?: Record<string, unknown>[];
}

/**
 * Cruddur's two consumers. Two, not one per concern: DynamoDB Streams advises at most
 * two concurrent readers per shard, so concerns are grouped by what they do (docs/decisions/009).
 */
export const streamConsumers: StreamConsumerDefinition[] = [
  {
    // Derived rows: feed fan-out, hashtags/trending, notifications, clean-up, TTL counter fixes;
    // and, in the same invocation, the Insights step (see insightsStep below).
    name: 'feed-fanout',
    formerNames: ['fanout'],
    handler: functions.feedFanout.handler,
    batchSize: 100,
    maximumBatchingWindowInSeconds: 0,
    maximumRetryAttempts: 10,
    bisectBatchOnFunctionError: true,
    reportBatchItemFailures: true,
    startingPosition: 'TRIM_HORIZON',
    // Derived from definitions/live-events.ts: the rows the fan-out and the Insights step react to.
    filterPatterns: filterPatternsFor([...insightsRowEvents, ...fanoutReactions]),
  },
  {
    // Real-time events through AppSync's IAM-only publish mutations.
    name: 'publish',
    formerNames: ['live'],
    handler: functions.publish.handler,
    batchSize: 100,
    maximumBatchingWindowInSeconds: 0,
    maximumRetryAttempts: 3,
    bisectBatchOnFunctionError: true,
    reportBatchItemFailures: true,
    startingPosition: 'LATEST',
    // Derived from definitions/live-events.ts: the rows that become publish mutations.
    filterPatterns: filterPatternsFor(liveEvents),
  },
];

/**
 * The Insights step: mirrors cruds, likes, reposts, follows and profiles into the analytics
 * database. Not a mapping of its own: DynamoDB Streams allows about two readers per shard and
 * `feed-fanout` and `publish` are those two, so the step runs inside the `feed-fanout` invocation on the same
 * records (its filter above is the union of both needs) and reports its own failed record in the
 * same partial batch response (docs/decisions/023-insights-analytics-model.md). `handler` can
 * also serve as a mapping of its own, e.g. on a Kinesis copy of the stream.
 */
export const insightsStep = {
  name: 'insights',
  handler: 'lambdas/insights-sink/index.ts#handler',
  runsInside: 'feed-fanout',
} as const;
