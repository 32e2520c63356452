// Cost of the text rules (definitions/text.ts) inside the APPSYNC_JS runtime: the createCrud and
// sendMessage request handlers evaluated with short and full-length emoji text, and with a 1 MB
// argument (the HTTP body limit; refused before it is split, so it costs about what carrying 1 MB
// into the sandbox costs). Target: a full-length message adds under 1 ms per request.
import { performance } from 'node:perf_hooks';
import { TEXT_LIMITS } from '../../definitions/text.ts';
import { run, user } from '../../resolvers/lib/testing/evaluate.ts';

const CASES = [
  { name: 'createCrud, "hello"', file: 'Mutation.createCrud/2.write.[table].ts', args: { message: 'hello' } },
  { name: `createCrud, ${TEXT_LIMITS.crud} emoji`, file: 'Mutation.createCrud/2.write.[table].ts', args: { message: '😀'.repeat(TEXT_LIMITS.crud) } },
  { name: 'sendMessage, "hello"', file: 'Mutation.sendMessage/resolver.ts', args: { toHandle: 'bayko', body: 'hello' } },
  { name: `sendMessage, ${TEXT_LIMITS.message} emoji`, file: 'Mutation.sendMessage/resolver.ts', args: { toHandle: 'bayko', body: '😀'.repeat(TEXT_LIMITS.message) } },
  { name: 'sendMessage, 1 MB (refused)', file: 'Mutation.sendMessage/resolver.ts', args: { toHandle: 'bayko', body: 'x'.repeat(1 << 20) } },
  // The same 1 MB to a handler that never reads it: what moving it into the sandbox costs.
  { name: 'me, 1 MB unused argument', file: 'Query.me.[table].ts', args: { body: 'x'.repeat(1 << 20) } },
];
const ROUNDS = 300;
const TARGET_EXTRA_MS = 1;

const rows: { case: string; 'µs/request (median)': number }[] = [];
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medians: Record<string, number> = {};
for (const c of CASES) {
  for (let i = 0; i < 20; i++) await run(c.file, 'request', { args: c.args, identity: user('u1') });
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await run(c.file, 'request', { args: c.args, identity: user('u1') });
    times.push(performance.now() - t);
  }
  medians[c.name] = median(times);
  rows.push({ case: c.name, 'µs/request (median)': Math.round(medians[c.name] * 1000) });
}
console.table(rows);
const extra = medians[`sendMessage, ${TEXT_LIMITS.message} emoji`] - medians['sendMessage, "hello"'];
console.log(`full-length message adds ${(extra * 1000).toFixed(0)} µs (target < ${TARGET_EXTRA_MS * 1000} µs)`);
if (extra > TARGET_EXTRA_MS) process.exitCode = 1;
