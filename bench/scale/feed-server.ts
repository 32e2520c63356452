/**
 * The feed-curve benchmark's server process: the full offline stack on a temporary data dir with
 * a fixture of the size given as JSON in argv[2], a signed-in follower, and one JSON line on
 * stdout (endpoint, token, query, fixture facts); then it serves until killed.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '../../local/src/stack.ts';
import { signIn } from '../../seed/api.ts';
import { buildLargeFixture, FIXTURE_PASSWORD, userEmail, type FixtureSize } from '../../seed/large/index.ts';
import { FEED_QUERY } from '../query/fixture.ts';
import { itemSize, readUnits } from '../cost/item-size.ts';

const size = JSON.parse(process.argv[2]) as FixtureSize;
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cruddur-feed-curve-'));
const stack = await startStack({ ports: {}, log: 'silent', dataDir, ttlIntervalMs: 0 });
const summary = await buildLargeFixture(stack, { size, signInUsers: 2 });
const token = await signIn(stack.cognito.url, stack.cognito.clientId, { email: userEmail('user0001'), password: FIXTURE_PASSWORD });
// The reader's feed partition: their own and followed accounts' top-level cruds and reposts.
const { plan } = summary;
const followed = new Set(plan.follows.filter((f) => f.follower === 1).map((f) => f.followee).concat(1));
const feedRows = plan.cruds.filter((c) => c.replyTo === undefined && followed.has(c.author)).length + plan.reposts.filter((r) => followed.has(r.user)).length;
const perRead = await countOneRead(stack, token);
process.stdout.write(`${JSON.stringify({ url: stack.urls.graphql, token, query: FEED_QUERY, items: summary.items, feedRows, buildMs: summary.ms.total, buildCpuMs: summary.ms.cpu, perRead })}\n`);

/**
 * The DynamoDB calls one feed page makes through the API's data source, and the read units they
 * imply: Query units by the bytes returned, BatchGetItem units per requested key (a missing item
 * still costs a read), eventually consistent unless asked otherwise.
 */
async function countOneRead(s: typeof stack, auth: string): Promise<{ calls: Record<string, number>; readUnits: number }> {
  const calls: Record<string, number> = {};
  let units = 0;
  const name = 'benchCountFeedRead';
  s.dynamo.client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '?';
      calls[command] = (calls[command] ?? 0) + 1;
      const out = await next(args);
      const input = args.input as { ConsistentRead?: boolean; RequestItems?: Record<string, { Keys: unknown[]; ConsistentRead?: boolean }> };
      const output = out.output as { Items?: Record<string, never>[]; Item?: Record<string, never>; Responses?: Record<string, Record<string, never>[]> };
      if (command === 'QueryCommand') units += readUnits((output.Items ?? []).reduce((n, i) => n + itemSize(i), 0), input.ConsistentRead);
      if (command === 'GetItemCommand') units += readUnits(output.Item ? itemSize(output.Item) : 0, input.ConsistentRead);
      if (command === 'BatchGetItemCommand') {
        for (const [table, req] of Object.entries(input.RequestItems ?? {})) {
          const found = output.Responses?.[table] ?? [];
          units += found.reduce((n, i) => n + readUnits(itemSize(i), req.ConsistentRead), 0) + (req.Keys.length - found.length) * readUnits(0, req.ConsistentRead);
        }
      }
      return out;
    },
    { step: 'initialize', name },
  );
  const res = await fetch(s.urls.graphql, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ query: FEED_QUERY, operationName: 'Feed' }) });
  await res.text();
  s.dynamo.client.middlewareStack.remove(name);
  return { calls, readUnits: units };
}
const stop = async () => {
  await stack.close();
  await fs.rm(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
