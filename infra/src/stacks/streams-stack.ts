/**
 * Stream consumers (feed fan-out, notifications, …) from definitions/stream-consumers.ts — the same
 * list the offline engine's event source mappings read — with DynamoDB event source mappings,
 * partial batch responses, bisect on error and an SQS on-failure destination.
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as appsync from 'aws-cdk-lib/aws-appsync';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { MEDIA_PREFIX } from '../../../definitions/media.ts';
import type { StreamConsumerDefinition } from '../../../definitions/stream-consumers.ts';
import { grantDataApi, type DataApiTarget } from '../constructs/data-api-access.ts';
import { NodeFunction } from '../constructs/node-function.ts';
import { grantTable } from '../constructs/table-access.ts';
import { database as databaseDefinition } from '../../../definitions/database.ts';
import { environmentFor, functionByHandler } from '../../../definitions/functions.ts';
import { acknowledge, importOf, wildcardResource } from '../nag/nag.ts';

export interface StreamsStackProps extends StackProps {
  table: dynamodb.ITable;
  api: appsync.GraphqlApi;
  consumers: StreamConsumerDefinition[];
  /** Mutation fields the consumers may call with IAM (the `@aws_iam` publish mutations). */
  publishMutations: string[];
  /** Types the publish mutations' selection sets read (every field of each). */
  publishReadTypes: string[];
  /**
   * The analytics database, for the consumers named in `consumers` only: they get its Data API
   * environment and grants, and stay outside the VPC (decision 021).
   */
  database?: { target: DataApiTarget; environment: Record<string, string>; consumers: string[] };
  /**
   * The assets bucket, for the consumers named in `consumers` only: they delete a removed crud's
   * images (`media/*`, definitions/media.ts) and get `ASSETS_BUCKET`.
   */
  media?: { assetsBucket: s3.IBucket; consumers: string[] };
}

export class StreamsStack extends Stack {
  readonly consumers: NodeFunction[] = [];
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string, props: StreamsStackProps) {
    super(scope, id, props);
    this.failures = new sqs.Queue(this, 'StreamFailures', { retentionPeriod: Duration.days(14), enforceSSL: true });
    acknowledge(this.failures, 'AwsSolutions-SQS3', 'This queue is the dead-letter destination of the stream event source mappings (cdk-nag only sees DLQs of queues).');
    const apiArn = importOf(props.api, props.api.arn);
    const readableTypes = props.publishReadTypes.map((type) => `${apiArn}/types/${type}/fields/*`);
    for (const consumer of props.consumers) {
      const database = props.database?.consumers.includes(consumer.name) ? props.database : undefined;
      const media = props.media?.consumers.includes(consumer.name) ? props.media : undefined;
      // The variables the consumer's function declares (definitions/functions.ts), valued here.
      const declared = functionByHandler(consumer.handler);
      const environment = declared
        ? environmentFor(declared, {
            tableName: props.table.tableName,
            graphqlUrl: props.api.graphqlUrl,
            ...(database && { databaseClusterArn: database.target.clusterArn, databaseSecretArn: database.target.secretArn, databaseName: databaseDefinition.name }),
            ...(media && { assetsBucket: media.assetsBucket.bucketName }),
          })
        : { TABLE_NAME: props.table.tableName, APPSYNC_URL: props.api.graphqlUrl, ...database?.environment, ...(media ? { ASSETS_BUCKET: media.assetsBucket.bucketName } : {}) };
      const fn = new NodeFunction(this, consumer.name, { handler: consumer.handler, environment });
      grantTable(props.table, fn, 'readWrite');
      if (database) grantDataApi(fn, database.target);
      if (media) {
        const objects = `${importOf(media.assetsBucket, media.assetsBucket.bucketArn)}/${MEDIA_PREFIX}*`;
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:DeleteObject'], resources: [objects] }));
        acknowledge(fn.role!, wildcardResource(this, objects), 'Crud images are keyed per upload (random): the grant is one action on one prefix of one bucket.');
      }
      if (props.publishMutations.length > 0) {
        fn.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['appsync:GraphQL'],
            resources: [
              ...props.publishMutations.map((field) => `${apiArn}/types/Mutation/fields/${field}`),
              ...readableTypes,
            ],
          }),
        );
      }
      for (const resource of readableTypes) {
        acknowledge(fn.role!, wildcardResource(this, resource), 'Every field of an @aws_iam payload type is readable by design; naming each would grow the inline policy with the schema toward IAM\'s 10,240-character limit.');
      }
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
