/**
 * The soak itself (started by run.ts with a capped heap and `--expose-gc`).
 *
 * What it drives: `startDynamo` on a data dir — dynalite on LevelDB (classic-level) behind the
 * front, as `npm start` runs it — through the AWS SDK client, in this process. The store front,
 * not the whole offline stack, because that is where the leak lived and where every component's
 * reads and writes go; without GraphQL, auth and resolvers in the loop, the figures belong to the
 * store alone, and 200k operations take minutes rather than an hour on a shared 2-core machine.
 *
 * The table has no stream: a stream keeps its records for 24 hours (in memory and in its log),
 * which is growth by design, not a leak. Writes overwrite a fixed set of items, so the data set
 * does not grow either; what remains should be flat.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CreateTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startDynamo } from '../../local/src/dynamodb/index.ts';
import { mix, type Operation } from './mix.ts';
import { table as cruddurTable } from '../../definitions/table.ts';

const total = Number(process.env.SOAK_OPS ?? 200_000);
const concurrency = Number(process.env.SOAK_CONCURRENCY ?? 16);
const warmupOps = Math.round(total * 0.1);
const sampleEvery = Math.round(total / 20);
const TABLE = 'soak';
const ITEMS = 1000;
const FEEDS = 50;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc (npm run soak does)');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-soak-'));
// SOAK_STORE=memory: memory-level instead of LevelDB, to tell the store's native memory from the rest.
const inMemory = process.env.SOAK_STORE === 'memory';
const stack = await startDynamo({ table: cruddurTable, dataDir: inMemory ? undefined : dataDir, ttlIntervalMs: 0 });
const client: DynamoDBClient = stack.client;

await client.send(
  new CreateTableCommand({
    TableName: TABLE,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['pk', 'sk', 'g'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [{ IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  }),
);
const keyOf = (i: number) => ({ pk: { S: `FEED#${i % FEEDS}` }, sk: { S: String(i).padStart(6, '0') } });
const item = (i: number, n: number) => ({ ...keyOf(i), g: { S: `G#${i % 10}` }, message: { S: `crud ${i} revision ${n}`.padEnd(120, '.') }, n: { N: String(n) } });
for (let i = 0; i < ITEMS; i += 1) await client.send(new PutItemCommand({ TableName: TABLE, Item: item(i, 0) }));

const pick = (n: number) => Math.floor(Math.random() * n);
const operations: Record<Operation, () => Promise<unknown>> = {
  feedQuery: () => client.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `FEED#${pick(FEEDS)}` } }, ScanIndexForward: false, Limit: 5 })),
  indexQuery: () => client.send(new QueryCommand({ TableName: TABLE, IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: `G#${pick(10)}` } }, Limit: 5 })),
  get: () => client.send(new GetItemCommand({ TableName: TABLE, Key: keyOf(pick(ITEMS)) })),
  scan: () => client.send(new ScanCommand({ TableName: TABLE, Limit: 5 })),
  update: () => client.send(new UpdateItemCommand({ TableName: TABLE, Key: keyOf(pick(ITEMS)), UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } })),
  put: () => client.send(new PutItemCommand({ TableName: TABLE, Item: item(pick(ITEMS), pick(1e6)) })),
};

interface Sample {
  ops: number;
  heapMb: number;
  rssMb: number;
  iterators: number;
}

/** RSS split into anonymous memory (heaps, caches) and file pages (mapped files), on Linux. */
function rssParts(): string {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN) / 1024;
    return `${kb('RssAnon').toFixed(1).padStart(9)} ${kb('RssFile').toFixed(1).padStart(9)}`;
  } catch {
    return '';
  }
}
const samples: Sample[] = [];
function sample(ops: number): void {
  gc!();
  const m = process.memoryUsage();
  const s = { ops, heapMb: m.heapUsed / 2 ** 20, rssMb: m.rss / 2 ** 20, iterators: stack.storeIterators?.open ?? NaN };
  samples.push(s);
  // Printed as it goes: a run that runs out of heap still shows how it got there.
  console.log(`${String(s.ops).padStart(9)} ${s.heapMb.toFixed(1).padStart(9)} ${s.rssMb.toFixed(1).padStart(9)} ${String(s.iterators).padStart(16)} ${rssParts()}`);
}

console.log(`\nsoak — embedded DynamoDB (dynalite on ${inMemory ? 'memory-level' : 'LevelDB'} behind the front), ${total} ops (${mixSummary()}), concurrency ${concurrency}, heap cap ${process.env.SOAK_HEAP_MB} MB; node ${process.version}`);
console.log('      ops   heap MB    RSS MB   open iterators  anon MB   file MB');
const started = Date.now();
let issued = 0;
let done = 0;
let pending: Promise<void> = Promise.resolve();
async function worker(): Promise<void> {
  while (issued < total) {
    const op = mix[issued % mix.length];
    issued += 1;
    await operations[op]();
    done += 1;
    if (done % sampleEvery === 0 || done === warmupOps) {
      // Sample between operations of this worker; the others keep the store busy.
      pending = pending.then(() => sample(done));
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
await pending;
const seconds = (Date.now() - started) / 1000;
await stack.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const warm = samples.find((s) => s.ops >= warmupOps)!;
const end = samples[samples.length - 1];
const after = samples.filter((s) => s.ops >= warmupOps);
const peak = (f: (s: Sample) => number) => Math.max(...after.map(f));
console.log(`${total} ops in ${seconds.toFixed(0)} s (${(total / seconds).toFixed(0)} ops/s)`);
const rows = [
  ['heap (after GC)', warm.heapMb, end.heapMb, peak((s) => s.heapMb)],
  ['RSS', warm.rssMb, end.rssMb, peak((s) => s.rssMb)],
] as const;
let failed = false;
for (const [name, w, e, p] of rows) {
  // The target is on the end value (end / warm-up ≤ 1.10); the peak is shown to expose a sawtooth.
  const ratio = e / w;
  failed ||= ratio > 1.1;
  console.log(`${name.padEnd(16)} warm-up (${warm.ops} ops) ${w.toFixed(1)} MB, end ${e.toFixed(1)} MB, ratio ${ratio.toFixed(3)} (target ≤ 1.10)${ratio <= 1.1 ? '' : '  ABOVE TARGET'}; peak ${(p / w).toFixed(3)}`);
}
console.log(`open iterators at the end: ${end.iterators}`);
process.exit(failed ? 1 : 0);

function mixSummary(): string {
  const counts = new Map<Operation, number>();
  for (const op of mix) counts.set(op, (counts.get(op) ?? 0) + 1);
  return [...counts].map(([op, n]) => `${op} ${Math.round((100 * n) / mix.length)}%`).join(', ');
}
