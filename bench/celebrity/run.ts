/**
 * Hybrid fan-out benchmark (decision 026): one account with BENCH_FOLLOWERS (10,000) followers on
 * the whole offline stack, first pushed, then pulled (switched with the consumer's own `promote`).
 * For each mode: feed writes and publish calls per post (counted from the stream), the time from
 * createCrud until every consumer is done, the live delivery latency to one follower (a real-time
 * client: onFeedItem when pushed, onCelebrityFeedItem when pulled), and homeFeed(limit: 20) read
 * latency for that follower over the same 20 cruds. Printed side by side; the machine is shared,
 * so compare the columns of one run, not runs.
 *
 * Env: BENCH_FOLLOWERS (10000), BENCH_POSTS (1 per mode: a pushed post to 10,000 followers takes minutes offline), BENCH_READS (200 per mode).
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { BatchWriteItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { StreamRecord } from '../../local/src/dynamodb/index.ts';
import { RealtimeClient, type Subscription } from '../../scenarios/testing/subscriber.ts';
import { publishCallsFor } from '../../lambdas/publish/events.ts';
import { promote } from '../../lambdas/feed-fanout/pulled.ts';
import { withFunctionEnv } from '../../local/src/lambda-runtime/function-env.ts';
import { feedKey, PkPrefix, SortKey } from '../../definitions/keys.ts';
import { addCruds, addFollowers, quantile, startBench, type Person } from './setup.ts';

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.LAMBDA_LOG_LEVEL ??= 'ERROR';
const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS ?? 10_000);
const POSTS = Number(process.env.BENCH_POSTS ?? 1);
const READS = Number(process.env.BENCH_READS ?? 200);
const progress = (msg: string) => process.stderr.write(`[celebrity] ${msg}\n`);
const b = await startBench();
// Push phase: thresholds out of reach, so the account stays pushed however many follow it.
b.stack.functionEnv.update('feed-fanout', { FANOUT_PULL_AT: '1000000000', FANOUT_PUSH_AT: '999999999' });
progress('stack up');
const { andrewbrown: star, bayko: reader, londo } = b.people;
const idle = () => b.stack.dynamo.streams.idle();
let records: StreamRecord[] = [];
b.stack.dynamo.streams.subscribe((r) => records.push(r));

await addCruds(b, star.id, 20, '01HBENCH');
// Fanned out before the audience exists, or the consumer would push all 20 to every follower.
await idle();
await addFollowers(b, star.id, FOLLOWERS - 2);
for (const p of [reader, londo]) {
  await p.op('mutation { follow(handle: "andrewbrown") { id } }');
  progress('followed');
}
await idle();
progress(`${FOLLOWERS} followers`);

interface ModeResult {
  feedWrites: number[];
  publishes: number[];
  doneMs: number[];
  liveMs: number[];
  reads: number[];
}

const isFeedWrite = (r: StreamRecord) => r.dynamodb.Keys.pk.S?.startsWith(PkPrefix.FEED) || r.dynamodb.Keys.sk.S === SortKey.RECENT;

async function posts(sub: Subscription): Promise<Omit<ModeResult, 'reads'>> {
  const out = { feedWrites: [] as number[], publishes: [] as number[], doneMs: [] as number[], liveMs: [] as number[] };
  for (let i = 0; i < POSTS; i++) {
    await idle();
    records = [];
    const t0 = performance.now();
    const res = await star.op<{ createCrud: { id: string } }>(`mutation { createCrud(message: "bench post ${i}") { id } }`);
    const id = res.data!.createCrud.id;
    progress(`post ${i}: ${id}`);
    for (;;) {
      const ev = await sub.next(600_000);
      if (ev?.crud?.id === id) break;
    }
    out.liveMs.push(performance.now() - t0);
    await idle();
    out.doneMs.push(performance.now() - t0);
    out.feedWrites.push(records.filter(isFeedWrite).length);
    out.publishes.push(records.reduce((n, r) => n + publishCallsFor(r as unknown as DynamoDBRecord).length, 0));
  }
  return out;
}

const FEED = '{ homeFeed(limit: 20) { items { id reason createdAt repostedBy { id handle } crud { id message createdAt likesCount author { id handle displayName } viewerHasLiked viewerHasReposted } } nextToken } }';
async function reads(p: Person): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < READS + 20; i++) {
    const t0 = performance.now();
    const res = await p.op<{ homeFeed: { items: unknown[] } }>(FEED);
    if (res.errors || res.data!.homeFeed.items.length !== 20) throw new Error(`homeFeed: ${JSON.stringify(res.errors ?? res.data)}`);
    if (i >= 20) ms.push(performance.now() - t0);
  }
  return ms;
}

const rt = await RealtimeClient.connect(b.stack.urls.graphql, reader.token);

// Push: the reader's feed holds the 20 back-filled rows; each post writes a row per follower.
const pushSub = await rt.subscribe('subscription S($r: ID!) { onFeedItem(recipientId: $r) { id crud { id } } }', { r: reader.id });
const push: ModeResult = { ...(await posts(pushSub)), reads: [] };
push.reads = await reads(reader);

// The switch, as the consumer makes it when the follower count crosses the threshold.
b.stack.functionEnv.update('feed-fanout', { FANOUT_PULL_AT: '5000', FANOUT_PUSH_AT: '4000' });
await idle();
records = [];
const t0 = performance.now();
// As the `feed-fanout` function runs it: in that function's environment.
await withFunctionEnv(b.stack.functionEnv.named('feed-fanout'), () => promote(star.id));
const promoteMs = performance.now() - t0;
await idle();
const promoteWrites = records.length;

// Pull: a follower whose feed never got the account's rows (they were pushed above; drop them).
const pushed = await b.stack.dynamo.client.send(
  new QueryCommand({ TableName: b.stack.dynamo.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: marshall({ ':pk': feedKey(reader.id, '').pk }) }),
);
const keys = (pushed.Items ?? []).map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } }));
for (let i = 0; i < keys.length; i += 25) {
  await b.stack.dynamo.client.send(new BatchWriteItemCommand({ RequestItems: { [b.stack.dynamo.tableName]: keys.slice(i, i + 25) } }));
}
await idle();
const pullSub = await rt.subscribe('subscription { onCelebrityFeedItem { id crud { id } } }', {});
const pull: ModeResult = { ...(await posts(pullSub)), reads: [] };
pull.reads = await reads(reader);

rt.close();
await b.stack.close();

const avg = (xs: number[]) => xs.reduce((a, c) => a + c, 0) / xs.length;
const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const rows: [string, (m: ModeResult) => string][] = [
  ['feed writes per post', (m) => f0(avg(m.feedWrites))],
  ['publish calls per post (own + followers)', (m) => f0(avg(m.publishes))],
  ['post → all consumers done (ms, mean)', (m) => f0(avg(m.doneMs))],
  ['post → live event at one follower (ms, mean)', (m) => f0(avg(m.liveMs))],
  ['homeFeed(limit: 20) p50 (ms)', (m) => f1(quantile(m.reads, 0.5))],
  ['homeFeed(limit: 20) p99 (ms)', (m) => f1(quantile(m.reads, 0.99))],
];
console.log(`\nHybrid fan-out, ${FOLLOWERS} followers, ${POSTS} posts and ${READS} reads per mode`);
console.log(`${'metric'.padEnd(46)} ${'push'.padStart(10)} ${'pull'.padStart(10)} ${'pull/push'.padStart(10)}`);
for (const [name, value] of rows) {
  const p = value(push);
  const q = value(pull);
  console.log(`${name.padEnd(46)} ${p.padStart(10)} ${q.padStart(10)} ${(Number(q) / Number(p)).toPrecision(3).padStart(10)}`);
}
console.log(`one-off switch to pull: ${promoteWrites} writes (a PULL row per follower + RECENT + flag), ${f0(promoteMs)} ms`);
