/**
 * The contract between the resolver pipeline and a data source (DynamoDB, NONE, AWS_LAMBDA, …).
 * A data source receives the object a resolver's request handler returned and answers with what
 * AppSync would place in `ctx.result`, or with the error AppSync would place in `ctx.error`.
 * Data-source errors are never thrown: AppSync hands them to the response handler, which decides.
 */
export interface DataSourceError {
  message: string;
  /** AppSync's error type, e.g. `DynamoDB:ConditionalCheckFailedException`, `Lambda:Unhandled`. */
  type: string;
  /** Extra data some errors carry (e.g. the current item on a failed condition, cancellation reasons). */
  data?: unknown;
}

export type DataSourceResponse = { result: unknown; error?: undefined } | { result?: unknown; error: DataSourceError };

/** What the engine knows about the field being resolved, for data sources that need it (Lambda events, logs). */
export interface InvocationInfo {
  requestId: string;
  /** The resolver's full `ctx` as the request handler saw it (arguments, identity, source, info, …). */
  context: Record<string, unknown>;
  /**
   * Aborted when the request ends (its timeout): a data source that can cancel what it started
   * should, so nothing of a finished request keeps running.
   */
  signal?: AbortSignal;
}

export interface DataSource {
  readonly name: string;
  readonly type: 'AMAZON_DYNAMODB' | 'NONE' | 'AWS_LAMBDA' | 'HTTP' | 'RELATIONAL_DATABASE';
  invoke(request: unknown, info: InvocationInfo): Promise<DataSourceResponse>;
}
