/**
 * The database in the whole offline stack: migrations applied before the stack serves, the Data
 * API endpoint signed with the stack's IAM credential, Lambdas configured through the standard
 * variables, and everything closed with the stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExecuteStatementCommand, RDSDataClient } from '@aws-sdk/client-rds-data';
import { startStack, type Stack } from './stack.ts';

let stack: Stack;
const migrations = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-stack-migrations-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(migrations, '001-stack-check.sql'), "CREATE TABLE stack_check (v text);\nINSERT INTO stack_check VALUES ('migrated');");
  // The migration function's declared variable, set for this stack only.
  stack = await startStack({ ports: {}, log: 'silent', functionVariables: { 'database-migrate': { DATABASE_MIGRATIONS_DIR: migrations } } });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  fs.rmSync(migrations, { recursive: true, force: true });
});

describe('the stack database', () => {
  it('gives the database Lambdas the Data API endpoint, cluster, secret and database through the standard variables', () => {
    const { dataApi } = stack.database;
    expect(stack.urls.database).toBe(dataApi.endpoint);
    for (const name of ['feed-fanout', 'database-migrate']) {
      const env = stack.functionEnv.named(name);
      expect(env.AWS_ENDPOINT_URL_RDS_DATA).toBe(dataApi.endpoint);
      expect([env.DATABASE_CLUSTER_ARN, env.DATABASE_SECRET_ARN, env.DATABASE_NAME]).toEqual([dataApi.resourceArn, dataApi.secretArn, 'cruddur']);
    }
    // Only the functions that declare the database see it (definitions/functions.ts).
    expect(stack.functionEnv.named('publish').DATABASE_CLUSTER_ARN).toBeUndefined();
  });

  it('has applied the migrations before serving, readable through the signed Data API endpoint', async () => {
    const client = new RDSDataClient({ endpoint: stack.urls.database, region: stack.dynamo.region, credentials: stack.iamCredential });
    try {
      const target = { resourceArn: stack.database.dataApi.resourceArn, secretArn: stack.database.dataApi.secretArn, database: 'cruddur' };
      const r = await client.send(new ExecuteStatementCommand({ ...target, sql: 'SELECT v, (SELECT name FROM schema_migrations) AS migration FROM stack_check' }));
      expect(r.records).toEqual([[{ stringValue: 'migrated' }, { stringValue: 'stack-check' }]]);
    } finally {
      client.destroy();
    }
  });
});
