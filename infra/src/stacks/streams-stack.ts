/**
 * Stream consumers (feed fan-out, notifications, …) from definitions/stream-consumers.ts — the same
 * list the offline engine's event source mappings read — with DynamoDB event source mappings,
 * partial batch responses, bisect on error and an SQS on-failure destination.
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StreamConsumerDefinition } from '../../../definitions/stream-consumers.ts';
import { addAppFunctions, madeFor } from '../constructs/app-functions.ts';
import type { DataApiTarget } from '../constructs/data-api-access.ts';
import type { NodeFunction } from '../constructs/node-function.ts';
import { acknowledge } from '../nag/nag.ts';

export interface StreamsStackProps extends StackProps {
  table: dynamodb.ITable;
  api: appsync.GraphqlApi;
  consumers: StreamConsumerDefinition[];
  /** Mutation fields the consumers may call with IAM (the `@aws_iam` publish mutations). */
  publishMutations: string[];
  /** Types the publish mutations' selection sets read (every field of each). */
  publishReadTypes: string[];
  /**
   * The analytics database: consumers whose functions declare the Data API (definitions/functions.ts)
   * get its environment and grants, and stay outside the VPC (decision 021).
   */
  database?: DataApiTarget;
  /** The assets bucket: consumers that declare object grants on it (a removed crud's images) get them. */
  assetsBucket?: s3.IBucket;
}

export class StreamsStack extends Stack {
  readonly consumers: NodeFunction[] = [];
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string, props: StreamsStackProps) {
    super(scope, id, props);
    this.failures = new sqs.Queue(this, 'StreamFailures', { retentionPeriod: Duration.days(14), enforceSSL: true });
    acknowledge(this.failures, 'AwsSolutions-SQS3', 'This queue is the dead-letter destination of the stream event source mappings (cdk-nag only sees DLQs of queues).');
    // The consumers' functions, environments and grants: definitions/functions.ts.
    const made = addAppFunctions(this, 'streams', {
      table: props.table,
      database: props.database,
      publish: { api: props.api, mutations: props.publishMutations, readTypes: props.publishReadTypes },
      buckets: { assetsBucket: props.assetsBucket },
      values: { tableName: props.table.tableName, graphqlUrl: props.api.graphqlUrl, assetsBucket: props.assetsBucket?.bucketName },
    });
    for (const consumer of props.consumers) {
      const fn = madeFor(made, consumer.handler, `stream consumer "${consumer.name}"`);
      fn.addEventSource(
        new DynamoEventSource(props.table, {
          startingPosition: lambda.StartingPosition[consumer.startingPosition],
          batchSize: consumer.batchSize,
          maxBatchingWindow: Duration.seconds(consumer.maximumBatchingWindowInSeconds),
          retryAttempts: consumer.maximumRetryAttempts,
          bisectBatchOnError: consumer.bisectBatchOnFunctionError,
          reportBatchItemFailures: consumer.reportBatchItemFailures,
          onFailure: new SqsDlq(this.failures),
          filters: consumer.filterPatterns?.map((pattern) => lambda.FilterCriteria.filter(pattern)),
        }),
      );
      this.consumers.push(fn);
    }
  }
}
