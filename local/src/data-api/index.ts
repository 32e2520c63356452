/**
 * The offline RDS Data API: the operations (./service.ts) over the offline database, served over
 * HTTP (./server.ts) for Lambdas and used in process by AppSync's RDS data source. One cluster,
 * named by the ARNs below, holds the database the app declares (`AppDefinition.database`).
 */
import type { Database } from '../database/index.ts';
import type { HostCheck } from '../host-check/host-check.ts';
import type { LocalCredential } from '../iam/local-credential.ts';
import { startDataApiServer } from './server.ts';
import { createDataApi, type DataApi, type DataApiOptions } from './service.ts';

export { createDataApi, type DataApi } from './service.ts';
export type * from './protocol.ts';

/** The offline cluster's ARN (the account id every offline ARN uses). */
export const localClusterArn = (region: string) => `arn:aws:rds:${region}:000000000000:cluster:cruddur-local`;
/** Its credentials secret's ARN (Secrets Manager appends six characters to a secret's name). */
export const localSecretArn = (region: string) => `arn:aws:secretsmanager:${region}:000000000000:secret:cruddur-local-database-LOCAL0`;

export interface StartDataApiOptions extends Pick<DataApiOptions, 'statementTimeoutMs' | 'transactionLimits' | 'resultLimits'> {
  db: Database;
  databaseName: string;
  region: string;
  credentials: LocalCredential[];
  port?: number;
  host?: string;
  hostCheck?: HostCheck;
  log?: (obj: object, msg: string) => void;
}

export interface DataApiHandle {
  api: DataApi;
  /** AWS_ENDPOINT_URL_RDS_DATA for Lambdas. */
  endpoint: string;
  resourceArn: string;
  secretArn: string;
  databaseName: string;
  /** Stops serving and rolls back open transactions (the database stays open). */
  close(): Promise<void>;
}

/** Creates the operations and serves them on `port` (default 0: ephemeral). */
export async function startDataApi(options: StartDataApiOptions): Promise<DataApiHandle> {
  const resourceArn = localClusterArn(options.region);
  const secretArn = localSecretArn(options.region);
  const api = createDataApi({ ...options, resourceArn, secretArn });
  const server = await startDataApiServer({ api, credentials: options.credentials, port: options.port, host: options.host, hostCheck: options.hostCheck, log: options.log });
  return {
    api,
    endpoint: server.endpoint,
    resourceArn,
    secretArn,
    databaseName: options.databaseName,
    async close() {
      await server.close();
      await api.close();
    },
  };
}
