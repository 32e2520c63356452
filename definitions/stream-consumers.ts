/**
 * Lambda consumers of the table's DynamoDB stream. Both halves read this list: `local/` runs each
 * entry as an in-process event source mapping (local/src/dynamodb/streams/), `infra/` creates a
 * real `AWS::Lambda::EventSourceMapping` from the same fields, so batching, retries and partial
 * batch responses behave the same offline and in the cloud.
 * Field meanings follow Lambda's "parameters for Amazon DynamoDB event source mappings" page.
 */
export interface StreamConsumerDefinition {
  /** Function name (also the offline checkpoint and failure-destination file name). */
  name: string;
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

export const streamConsumers: StreamConsumerDefinition[] = [];
