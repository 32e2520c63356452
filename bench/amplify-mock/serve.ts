/**
 * The amplify-mock benchmark's server process (pinned to one core by run.ts): the full offline
 * stack plus the Amplify AppSync simulator over the same store. Prints one JSON line with the
 * endpoints, then serves until killed.
 */
import { startStack } from '../../local/src/stack.ts';
import { buildFixture } from '../query/fixture.ts';
import { SIMULATOR_API_KEY, startSimulator } from './simulator.ts';

export const CRUD_QUERY = 'query Crud($id: ID!) { crud(id: $id) { id message createdAt likesCount author { id handle displayName } } }';

const stack = await startStack({ ports: {}, seed: true, log: 'silent' });
const fixture = await buildFixture(stack);
const feed = await fetch(stack.urls.graphql, {
  method: 'POST',
  headers: { authorization: fixture.token, 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ homeFeed(limit: 1) { items { crud { id } } } }' }),
}).then((r) => r.json() as Promise<{ data: { homeFeed: { items: { crud: { id: string } }[] } } }>);
const crudId = feed.data.homeFeed.items[0].crud.id;
const simulator = await startSimulator(stack.dynamo.endpoint, stack.dynamo.tableName, stack.dynamo.region);
const body = JSON.stringify({ query: CRUD_QUERY, variables: { id: crudId }, operationName: 'Crud' });
process.stdout.write(`${JSON.stringify({ stack: stack.urls.graphql, token: fixture.token, simulator: simulator.url, apiKey: SIMULATOR_API_KEY, body })}\n`);
const stop = async () => {
  await simulator.stop();
  await stack.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
