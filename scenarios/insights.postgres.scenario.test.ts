/**
 * Insights end to end on the offline stack with a real Postgres server (DATABASE_URL): the
 * migrations, the Insights step's SQL and the resolvers' statements on the engine PGlite imitates.
 */
import { afterAll } from 'vitest';
import { postgresUnavailableReason, startPostgresServer, type PostgresServer } from '../local/src/database/testing/postgres-server.ts';
import { describeInsightsScenario } from './testing/insights-scenario.ts';

let server: PostgresServer | undefined;
afterAll(() => server?.stop());

describeInsightsScenario(
  'the offline stack with a real Postgres server',
  async () => {
    server = await startPostgresServer();
    return server.createDatabase();
  },
  postgresUnavailableReason(),
);
