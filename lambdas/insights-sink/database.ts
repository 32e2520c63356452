/**
 * The analytics database as the sink and the backfill see it: one operation, apply a batch of
 * changes. In Lambda it is Aurora PostgreSQL through the RDS Data API (env DATABASE_CLUSTER_ARN,
 * DATABASE_SECRET_ARN, DATABASE_NAME; offline the stack points AWS_ENDPOINT_URL_RDS_DATA, the
 * SDK's service-specific endpoint override, at its Data API twin). A batch is one ExecuteStatement
 * whatever its size: the changes travel as one JSON parameter to `insights_apply`.
 */
import { ExecuteStatementCommand, type RDSDataClient } from '@aws-sdk/client-rds-data';
import { dataApiClient, type DatabaseTarget } from '../shared/database.ts';
import type { Change } from './changes.ts';

export interface InsightsDatabase {
  /** Applies the changes in order, all or nothing. */
  apply(changes: Change[]): Promise<void>;
}

/** The SQL of one batch; exported for the Data API call count in tests and the bench. */
export const APPLY_SQL = 'SELECT insights_apply(CAST(:changes AS jsonb)) AS applied';

/** An InsightsDatabase over the RDS Data API; `calls` counts ExecuteStatement requests made. */
export function dataApiDatabase(config: DatabaseTarget, client: RDSDataClient = dataApiClient()): InsightsDatabase & { calls: number } {
  const db = {
    calls: 0,
    async apply(changes: Change[]): Promise<void> {
      if (changes.length === 0) return;
      db.calls += 1;
      await client.send(
        new ExecuteStatementCommand({
          ...config,
          sql: APPLY_SQL,
          parameters: [{ name: 'changes', value: { stringValue: JSON.stringify(changes) } }],
        }),
      );
    },
  };
  return db;
}
