/**
 * Cost-limit benchmark: the full offline stack (`startStack`, the API's limits from
 * definitions/api.ts) with 100 public cruds, hit by guests over HTTP. For each load — four
 * 1,000-alias `publicFeed(limit: 50)` bombs (over the resolver-count limit), then four heavy
 * requests within the limits (100 aliases; up to 299 are admitted) — a `{ __typename }` probe is sent every 50 ms
 * while the load runs. Prints probe latency against the idle probe (ratio), how long the load took
 * and the process's RSS growth. Ratios only: the machine is shared.
 *
 * Env: BENCH_HEAVY_ALIASES (100), BENCH_PROBE_INTERVAL_MS (50).
 */
import os from 'node:os';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { api } from '../../definitions/api.ts';
import { crudKey, gsi, ItemType } from '../../definitions/keys.ts';
import { startStack } from '../../local/src/stack.ts';

// Lambda log lines (Cognito triggers, the authorizer) would drown the table.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.LAMBDA_LOG_LEVEL ??= 'ERROR';

const heavyAliases = Number(process.env.BENCH_HEAVY_ALIASES ?? 100);
const probeEveryMs = Number(process.env.BENCH_PROBE_INTERVAL_MS ?? 50);

const stack = await startStack({ ports: {}, seed: true, log: 'silent' });
const post = async (query: string) => {
  const started = performance.now();
  const res = await fetch(stack.urls.graphql, { method: 'POST', headers: { authorization: 'guest', 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await res.text();
  return { ms: performance.now() - started, text };
};

// 100 live public cruds by a seeded user, written as createCrud writes them.
const author = JSON.parse((await post('{ user(handle: "andrewbrown") { id } }')).text).data.user.id as string;
const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
for (let i = 0; i < 100; i++) {
  const id = `01J${String(i).padStart(23, '0')}`;
  const item = {
    ...crudKey(id), type: ItemType.CRUD, id, authorId: author, message: `bench crud ${i} `.repeat(8), createdAt: new Date().toISOString(), expiresAt,
    repliesCount: 0, likesCount: 0, repostsCount: 0, hashtags: [], mentions: [], gsi2pk: gsi.userCruds(author), gsi2sk: id, gsi3pk: gsi.publicFeed, gsi3sk: id,
  };
  await stack.dynamo.client.send(new PutItemCommand({ TableName: stack.dynamo.tableName, Item: marshall(item) }));
}
// The stream consumers (fan-out, counters, analytics) run in this process too: let them finish.
await stack.dynamo.streams.idle();

const aliases = (n: number, selection: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: publicFeed(limit: 50) { ${selection} }`).join(' ')} }`;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

async function idleProbe(): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) samples.push((await post('{ __typename }')).ms);
  return quantile(samples, 0.5);
}

interface Row { name: string; loadMs: number; probes: number[]; rssMb: number; answer: string }

async function underLoad(name: string, query: string): Promise<Row> {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const probes: number[] = [];
  let running = true;
  const prober = (async () => {
    while (running) {
      probes.push((await post('{ __typename }')).ms);
      await new Promise((resolve) => setTimeout(resolve, probeEveryMs));
    }
  })();
  const started = performance.now();
  const answers = await Promise.all([0, 1, 2, 3].map(() => post(query)));
  const loadMs = performance.now() - started;
  running = false;
  await prober;
  clearInterval(sampler);
  const first = JSON.parse(answers[0].text) as { errors?: { errorType?: string }[] };
  const answer = first.errors ? `errors: ${first.errors[0]?.errorType}` : `data, ${Math.round(answers[0].text.length / 1024)} KiB`;
  return { name, loadMs, probes, rssMb: (peak - rss0) / 1e6, answer };
}

try {
  await post(aliases(1, 'items { id }'));
  const idle = await idleProbe();
  const rows = [
    await underLoad('4 × bomb (1,000 aliases, over the limit)', aliases(1000, 'items { id message author { handle } }')),
    await underLoad(`4 × within the limits (${heavyAliases} aliases)`, aliases(heavyAliases, 'items { id message }')),
  ];
  console.log(`\ncost limits — guest requests over HTTP against the offline stack (queryDepthLimit ${api.limits.queryDepthLimit}, resolverCountLimit ${api.limits.resolverCountLimit}); a probe every ${probeEveryMs} ms; ${os.cpus()[0]?.model ?? ''}, node ${process.version}`);
  console.log(`idle { __typename } probe p50 ${idle.toFixed(1)} ms`);
  for (const r of rows) {
    const p50 = quantile(r.probes, 0.5);
    const max = Math.max(...r.probes);
    console.log(`${r.name.padEnd(44)} load ${r.loadMs.toFixed(0).padStart(6)} ms  (${r.answer})  probes ${String(r.probes.length).padStart(3)}: p50 ${p50.toFixed(1).padStart(6)} ms (×${(p50 / idle).toFixed(1)})  max ${max.toFixed(1).padStart(6)} ms (×${(max / idle).toFixed(1)})  peak RSS +${r.rssMb.toFixed(0)} MB`);
  }
  console.log('target: probe max under 100 ms while bombs run; bombs answered without their data-source work');
} finally {
  await stack.close();
}
