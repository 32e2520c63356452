/**
 * The cache benchmark's server process (pinned to one core by run.ts): two full offline stacks
 * with the same fixture, one with the API cache as deployed and one without. Prints one JSON line
 * with both endpoints, then serves until killed.
 */
import { startStack } from '../../local/src/stack.ts';
import { buildFixture } from '../query/fixture.ts';

const [cached, uncached] = await Promise.all([
  startStack({ ports: {}, seed: true, log: 'silent' }),
  startStack({ ports: {}, seed: true, log: 'silent', apiCache: false }),
]);
await buildFixture(cached);
await buildFixture(uncached);
process.stdout.write(`${JSON.stringify({ cached: cached.urls.graphql, uncached: uncached.urls.graphql })}\n`);
const stop = async () => {
  await Promise.all([cached.close(), uncached.close()]);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
