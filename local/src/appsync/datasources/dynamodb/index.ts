/**
 * The AMAZON_DYNAMODB data source: takes the request object an APPSYNC_JS resolver returned,
 * runs it against the table through the DynamoDB API, and answers with AppSync's `ctx.result`
 * shapes or `ctx.error` (`DynamoDB:<ExceptionName>`). Reference: "JavaScript resolver function
 * reference for DynamoDB" (AWS AppSync Developer Guide) and its per-operation pages.
 * `Sync` needs a versioned data source (conflict detection + Delta Sync table), which Cruddur
 * does not configure; it answers with an error instead of pretending.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CommandSender } from '../../../dynamodb/in-process-client.ts';
import type { DataSource, DataSourceResponse, InvocationInfo } from '../types.ts';
import { batchDeleteItem, batchGetItem, batchPutItem, type BatchTarget } from './batch.ts';
import { shapeError, toErrorResponse } from './errors.ts';
import { NextTokenCodec } from './next-token.ts';
import { query, scan } from './query-scan.ts';
import { withRequestId, type DynamoSender } from './request-id.ts';
import { deleteItem, getItem, putItem, updateItem, type Target } from './single-item.ts';
import { transactGetItems, transactWriteItems } from './transactions.ts';

export interface DynamoDbDataSourceOptions {
  name: string;
  /** An SDK client: used when `inProcess` is absent (an endpoint in another process). */
  client: DynamoDBClient;
  /**
   * The offline store's in-process client (DynamoStack.inProcess): same commands, outputs and
   * exceptions as `client`, without SigV4 and HTTP per call. Preferred when given.
   */
  inProcess?: { view(requestId?: string, signal?: AbortSignal): CommandSender };
  /** Physical table name of this data source. */
  tableName: string;
  /** Other names resolvers may give this table in batch and transaction requests (e.g. its logical name); the physical name always works. */
  aliases?: string[];
  /** Secret the nextToken seal is derived from (default: a fixed local secret, so tokens survive restarts). */
  nextTokenSecret?: string;
}

export function createDynamoDbDataSource(options: DynamoDbDataSourceOptions): DataSource {
  const target: Target = { client: options.client, tableName: options.tableName };
  const aliases = new Set(options.aliases);
  const batch: BatchTarget = { client: options.client, physical: (name) => (aliases.has(name) ? options.tableName : name) };
  const tokens = new NextTokenCodec(options.nextTokenSecret);

  async function run(request: Record<string, unknown>, target: Target, batch: BatchTarget): Promise<DataSourceResponse> {
    switch (request.operation) {
      case 'GetItem':
        return getItem(target, request);
      case 'PutItem':
        return putItem(target, request);
      case 'UpdateItem':
        return updateItem(target, request);
      case 'DeleteItem':
        return deleteItem(target, request);
      case 'Query':
        return query(target, request, tokens);
      case 'Scan':
        return scan(target, request, tokens);
      case 'BatchGetItem':
        return batchGetItem(batch, request);
      case 'BatchPutItem':
        return batchPutItem(batch, request);
      case 'BatchDeleteItem':
        return batchDeleteItem(batch, request);
      case 'TransactGetItems':
        return transactGetItems(batch, request);
      case 'TransactWriteItems':
        return transactWriteItems(batch, request);
      case 'Sync':
        return shapeError(`Sync requires a versioned data source (conflict detection and a Delta Sync table); data source '${options.name}' is not versioned`);
      default:
        return shapeError(`Unsupported operation '${String(request.operation)}' for an AMAZON_DYNAMODB data source`);
    }
  }

  return {
    name: options.name,
    type: 'AMAZON_DYNAMODB',
    async invoke(request: unknown, info: InvocationInfo): Promise<DataSourceResponse> {
      if (!request || typeof request !== 'object' || Array.isArray(request)) return shapeError('The request object must be an object with an operation');
      try {
        // The request id rides along in a header (request-id.ts) so stream consumers' logs can name
        // it; the request's signal cancels the call when the request ends.
        const requested = request as Record<string, unknown>;
        if (options.inProcess) {
          // Same send(command) contract as the SDK client (in-process-client.ts).
          const client = options.inProcess.view(info.requestId || undefined, info.signal) as DynamoSender;
          return await run(requested, { ...target, client }, { ...batch, client });
        }
        if (!info.requestId && !info.signal) return await run(requested, target, batch);
        const client = withRequestId(options.client, info.requestId, info.signal);
        return await run(requested, { ...target, client }, { ...batch, client });
      } catch (err) {
        return toErrorResponse(err);
      }
    },
  };
}
