/**
 * The benchmark's server process (pinned to one core by run.ts): the full offline stack plus the
 * bare graphql-js ceiling over the same store. Prints one JSON line with the endpoints, then
 * serves until killed.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startStack } from '../../local/src/stack.ts';
import { startBaseline } from './baseline.ts';
import { buildFixture, FEED_QUERY } from './fixture.ts';

const stack = await startStack({ ports: {}, seed: true, log: 'silent' });
const fixture = await buildFixture(stack);
const baseline = await startBaseline(stack.dynamo.client, stack.dynamo.tableName, fixture.readerId);
// The same server calling the store in process, as the stack's data source does (no SDK, no HTTP).
const direct = await startBaseline(stack.dynamo.inProcess.view() as Pick<DynamoDBClient, 'send'>, stack.dynamo.tableName, fixture.readerId);
process.stdout.write(`${JSON.stringify({ stack: stack.urls.graphql, baseline: baseline.url, direct: direct.url, token: fixture.token, query: FEED_QUERY })}\n`);
const stop = async () => {
  baseline.server.close();
  direct.server.close();
  await stack.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
