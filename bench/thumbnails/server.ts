// One run of the thumbnail benchmark (see run.ts): starts the offline stack in this process, with
// the thumbnailer isolated (THUMBNAIL_MODE=isolated, its declaration) or in-process (the earlier
// behaviour), uploads four 39.7 MP PNGs at once and, until their thumbnails are done, samples this
// process's RSS every 25 ms and times a `{ __typename }` query every 100 ms. Prints one table row.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { uploadsBucket } from '../../definitions/buckets.ts';
import { repoRoot } from '../../local/src/lambda-runtime/invoke.ts';
import { startStack } from '../../local/src/stack.ts';

const mode = process.env.THUMBNAIL_MODE === 'in-process' ? 'in-process' : 'isolated';
// The baseline: what the stack did before the thumbnailer was declared isolated.
if (mode === 'in-process') uploadsBucket.notification!.isolated = false;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-thumbnails-'));
const file = path.join(dir, 'large.png');
// Encoded in another process so that its memory is not counted here.
execFileSync(process.execPath, ['-e', `require('sharp')({ create: { width: 7296, height: 5440, channels: 3, background: '#3d0d7b' } }).png({ compressionLevel: 9 }).toFile(${JSON.stringify(file)})`], { cwd: repoRoot });
const png = fs.readFileSync(file);

const stack = await startStack({ ports: {}, log: 'silent' });
const s3 = new S3Client({ region: 'us-east-1', endpoint: stack.storage.endpoint, forcePathStyle: true, credentials: stack.iamCredential });
const query = async () => {
  const started = performance.now();
  const res = await fetch(stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'guest' }, body: JSON.stringify({ query: '{ __typename }' }) });
  await res.json();
  return performance.now() - started;
};
for (let i = 0; i < 20; i++) await query(); // warm

global.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
const started = performance.now();
await Promise.all(Array.from({ length: 4 }, () => s3.send(new PutObjectCommand({ Bucket: stack.storage.bucketNames.UploadsBucket, Key: `uploads/${randomUUID()}/${randomBytes(16).toString('hex')}.png`, Body: png, ContentType: 'image/png' }))));
let done = false;
const finished = stack.storage.idle().then(() => (done = true));
const latencies: number[] = [];
while (!done) {
  const tick = new Promise((r) => setTimeout(r, 100));
  latencies.push(await query());
  await Promise.race([tick, finished]);
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(0);
console.log(`| ${mode} | ${((peak - baseline) / 2 ** 20).toFixed(0)} | ${at(0.5)} / ${at(0.99)} / ${latencies.at(-1)!.toFixed(0)} | ${latencies.length} | ${seconds.toFixed(1)} |`);
s3.destroy();
await stack.close();
fs.rmSync(dir, { recursive: true, force: true });
