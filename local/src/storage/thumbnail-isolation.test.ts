/**
 * The thumbnail Lambda runs out of the server's process, as its definition declares: large
 * images processed concurrently do not grow the server's memory, the API keeps answering while
 * they are processed, and an image over the pixel budget takes the usual rejection path. The
 * whole offline stack (startStack) with real 39.7-megapixel PNGs; memory is the server process's
 * RSS (this process hosts the stack), sampled while the thumbnails run.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avatarRules } from '../../../definitions/buckets.ts';
import { repoRoot } from '../lambda-runtime/invoke.ts';
import { startStack, type Stack } from '../stack.ts';

const MB = 1024 * 1024;
/** Four decodes at once would take ~1.5 GB in-process (~380 MB each, measured); isolated, the server should hardly move. */
const SERVER_GROWTH_BOUND = 150 * MB;

let stack: Stack;
let s3: S3Client;
let dir: string;

/** A solid-colour PNG of width×height made by sharp in a separate process, so its encoding does not weigh on this one. */
function pngFile(width: number, height: number): Buffer {
  const file = path.join(dir, `${width}x${height}.png`);
  const script = `require('sharp')({ create: { width: ${width}, height: ${height}, channels: 3, background: '#3d0d7b' } }).png({ compressionLevel: 9 }).toFile(${JSON.stringify(file)})`;
  execFileSync(process.execPath, ['-e', script], { cwd: repoRoot });
  return fs.readFileSync(file);
}

const uploads = () => stack.storage.bucketNames.UploadsBucket;
const assets = () => stack.storage.bucketNames.AssetsBucket;
const uploadKey = (sub: string) => `uploads/${sub}/${randomBytes(16).toString('hex')}.png`;
const exists = (Bucket: string, Key: string) => s3.send(new HeadObjectCommand({ Bucket, Key })).then(() => true, () => false);
const renditionsOf = async (sub: string) => (await s3.send(new ListObjectsV2Command({ Bucket: assets(), Prefix: `avatars/${sub}/` }))).KeyCount;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumbnail-isolation-'));
  stack = await startStack({ ports: {}, log: 'silent', functionLogLevel: 'ERROR' });
  s3 = new S3Client({ region: 'us-east-1', endpoint: stack.storage.endpoint, forcePathStyle: true, credentials: stack.iamCredential });
}, 120_000);

afterAll(async () => {
  s3?.destroy();
  await stack?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('thumbnails off the request path', () => {
  it('processes four 39.7 MP images and refuses one over the pixel budget without growing the server, while requests are served', async () => {
    const large = pngFile(7296, 5440); // 39,690,240 px
    const overBudget = pngFile(8000, 5001); // 40,008,000 px > limitInputPixels
    expect(7296 * 5440).toBeLessThan(avatarRules.maxInputPixels);
    expect(8000 * 5001).toBeGreaterThan(avatarRules.maxInputPixels);
    const subs = Array.from({ length: 4 }, () => randomUUID());
    const overSub = randomUUID();
    const overKey = uploadKey(overSub);

    const gql = () => fetch(stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'guest' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await (await gql()).json()).toEqual({ data: { __typename: 'Query' } });
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    try {
      await Promise.all([
        ...subs.map((sub) => s3.send(new PutObjectCommand({ Bucket: uploads(), Key: uploadKey(sub), Body: large, ContentType: 'image/png' }))),
        s3.send(new PutObjectCommand({ Bucket: uploads(), Key: overKey, Body: overBudget, ContentType: 'image/png' })),
      ]);
      const order: string[] = [];
      const thumbnails = stack.storage.idle().then(() => order.push('thumbnails'));
      const query = gql().then(async (res) => {
        order.push('__typename');
        return res.json();
      });
      expect(await query).toEqual({ data: { __typename: 'Query' } });
      await thumbnails;
      expect(order).toEqual(['__typename', 'thumbnails']);
    } finally {
      clearInterval(sampler);
    }

    for (const sub of subs) expect(await renditionsOf(sub)).toBe(4);
    // Rejected like any refused upload: deleted, no renditions.
    expect(await exists(uploads(), overKey)).toBe(false);
    expect(await renditionsOf(overSub)).toBe(0);
    expect(peak - baseline, `server RSS grew by ${((peak - baseline) / MB).toFixed(0)} MB`).toBeLessThan(SERVER_GROWTH_BOUND);
  }, 300_000);
});
