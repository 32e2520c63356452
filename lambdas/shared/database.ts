/**
 * The RDS Data API client and the database it addresses, for handlers that use Postgres. The
 * cluster, secret and database come from DATABASE_CLUSTER_ARN, DATABASE_SECRET_ARN and
 * DATABASE_NAME; the endpoint from the SDK's standard configuration (AWS_ENDPOINT_URL_RDS_DATA
 * offline), so handlers never know where they run.
 */
import { RDSDataClient } from '@aws-sdk/client-rds-data';
import { databaseEnv } from '../../definitions/database.ts';
import { tracer } from './tracing.ts';

let client: RDSDataClient | undefined;

/** A client created once per container, reused across invocations; its calls are X-Ray subsegments in AWS. */
export function dataApiClient(): RDSDataClient {
  client ??= tracer ? tracer.captureAWSv3Client(new RDSDataClient({})) : new RDSDataClient({});
  return client;
}

/** What every Data API call names: `{ resourceArn, secretArn, database }`. */
export function databaseTarget(): { resourceArn: string; secretArn: string; database: string } {
  const read = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  return { resourceArn: read(databaseEnv.clusterArn), secretArn: read(databaseEnv.secretArn), database: read(databaseEnv.name) };
}
