/**
 * One of the cache benchmark's server processes (pinned to one core by run.ts): the full offline
 * stack with the query benchmark's fixture, with the API cache as deployed, or without it when
 * started with `uncached` (one stack per process: stacks point their Lambdas at the store through
 * process-wide environment variables). Prints one JSON line with its endpoint, then serves until killed.
 */
import { startStack } from '../../local/src/stack.ts';
import { buildFixture } from '../query/fixture.ts';

const stack = await startStack({ ports: {}, seed: true, log: 'silent', apiCache: process.argv[2] !== 'uncached' });
await buildFixture(stack);
process.stdout.write(`${JSON.stringify({ graphql: stack.urls.graphql })}\n`);
const stop = async () => {
  await stack.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
