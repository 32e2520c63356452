/**
 * The DynamoDB client and table name for handlers. The endpoint comes from the SDK's standard
 * configuration (AWS_ENDPOINT_URL_DYNAMODB offline), so handlers never know where they run.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tracer } from './tracing.ts';

let client: DynamoDBClient | undefined;

/** A client created once per container, reused across invocations; its calls are X-Ray subsegments in AWS. */
export function dynamoClient(): DynamoDBClient {
  client ??= tracer ? tracer.captureAWSv3Client(new DynamoDBClient({})) : new DynamoDBClient({});
  return client;
}

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}
