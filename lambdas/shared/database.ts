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

/** What every Data API call names. */
export interface DatabaseTarget {
  resourceArn: string;
  secretArn: string;
  database: string;
}

/** The target from the environment, or null when the function has no database configured. */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget | null {
  const [resourceArn, secretArn, database] = [env[databaseEnv.clusterArn], env[databaseEnv.secretArn], env[databaseEnv.name]];
  if (!resourceArn || !secretArn || !database) return null;
  return { resourceArn, secretArn, database };
}

/** The target from the environment; throws naming the variables when one is missing. */
export function databaseTarget(): DatabaseTarget {
  const target = databaseTargetFromEnv();
  if (!target) throw new Error(`${databaseEnv.clusterArn}, ${databaseEnv.secretArn} and ${databaseEnv.name} must be set`);
  return target;
}
