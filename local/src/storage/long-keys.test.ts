/**
 * Keys up to S3's 1,024 bytes of UTF-8 work everywhere (SDK calls, presigned PUT, listing, a
 * restart on the same data dir); longer ones get S3's KeyTooLongError; data dirs written in the
 * earlier one-folder-per-segment layout are still read. Real endpoint on an ephemeral port, the
 * AWS SDK v3 S3 client, objects on disk.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BucketDefinition } from '../../../definitions/buckets.ts';
import { startStorage, type StorageHandle } from './index.ts';

const credential = { accessKeyId: 'AKIASTORAGETEST00002', secretAccessKey: 'storage-test-secret' };
const region = 'us-east-1';
const buckets: BucketDefinition[] = [{ logicalName: 'AssetsBucket', localName: 'long-keys', publicRead: false }];
const Bucket = 'long-keys';
const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

/** 1,024 bytes: a 3-byte character 339 times (1,017 bytes in one segment, far past a 255-byte file name). */
const longKey = `deep/${'€'.repeat(339)}ab`;
const tooLongKey = `${longKey}c`;

let dataDir: string;
const handles: StorageHandle[] = [];
const clients: S3Client[] = [];
async function start(): Promise<{ storage: StorageHandle; s3: S3Client }> {
  const storage = await startStorage({ port: 0, dataDir, region, credentials: [credential], corsOrigins: [], buckets, notifications: false });
  // WHEN_REQUIRED: no CRC32 of an empty body baked into presigned PUT URLs (aws-sdk-js-v3 #6810).
  const s3 = new S3Client({ region, endpoint: storage.endpoint, forcePathStyle: true, credentials: credential, requestChecksumCalculation: 'WHEN_REQUIRED' });
  handles.push(storage);
  clients.push(s3);
  return { storage, s3 };
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cruddur-long-keys-'));
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const h of handles.splice(0)) await h.close();
});
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('keys up to 1,024 bytes', () => {
  it('round-trips a 1,024-byte multi-byte key through PUT, HEAD, GET, list, a restart and DELETE', async () => {
    expect(utf8Length(longKey)).toBe(1024);
    let { s3 } = await start();
    await s3.send(new PutObjectCommand({ Bucket, Key: longKey, Body: 'long', ContentType: 'text/plain' }));
    expect(await s3.send(new HeadObjectCommand({ Bucket, Key: longKey }))).toMatchObject({ ContentLength: 4, ContentType: 'text/plain' });
    expect(await (await s3.send(new GetObjectCommand({ Bucket, Key: longKey }))).Body!.transformToString()).toBe('long');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'deep/' }));
    expect(listed.Contents?.map((c) => [c.Key, c.Size])).toEqual([[longKey, 4]]);

    for (const h of handles.splice(0)) await h.close();
    ({ s3 } = await start());
    expect(await (await s3.send(new GetObjectCommand({ Bucket, Key: longKey }))).Body!.transformToString()).toBe('long');
    await s3.send(new DeleteObjectCommand({ Bucket, Key: longKey }));
    await expect(s3.send(new GetObjectCommand({ Bucket, Key: longKey }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    expect((await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'deep/' }))).KeyCount).toBe(0);
  });

  it('accepts a presigned PUT to a 1,024-byte key', async () => {
    const { s3 } = await start();
    const key = `presigned/${'ü'.repeat(507)}`; // 10 + 1,014 bytes
    expect(utf8Length(key)).toBe(1024);
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket, Key: key, ContentType: 'text/plain' }), { expiresIn: 60 });
    const res = await fetch(url, { method: 'PUT', body: 'signed', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(200);
    expect(await (await s3.send(new GetObjectCommand({ Bucket, Key: key }))).Body!.transformToString()).toBe('signed');
  });
});

describe('keys over 1,024 bytes', () => {
  it('answers 400 KeyTooLongError with S3’s XML error body', async () => {
    const { storage, s3 } = await start();
    expect(utf8Length(tooLongKey)).toBe(1025);
    for (const command of [new PutObjectCommand({ Bucket, Key: tooLongKey, Body: 'x' }), new GetObjectCommand({ Bucket, Key: tooLongKey })]) {
      await expect(s3.send(command)).rejects.toMatchObject({ name: 'KeyTooLongError', message: 'Your key is too long.', $metadata: { httpStatusCode: 400 } });
    }
    const res = await fetch(`${storage.endpoint}/${Bucket}/${encodeURIComponent(tooLongKey)}`, { method: 'DELETE' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/xml');
    expect(await res.text()).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error><Code>KeyTooLongError<\/Code><Message>Your key is too long\.<\/Message><Resource>/);
  });
});

describe('listing', () => {
  it('pages with max-keys and continuation tokens, groups by delimiter, in UTF-8 byte order', async () => {
    const { s3 } = await start();
    const keys = ['list/a', 'list/b/1', 'list/b/2', 'list/c', 'list/\u{1F600}', 'list/\uFF5E'];
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
    const all = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'list/' }));
    // U+FF5E (EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in UTF-8, after it in UTF-16.
    expect(all.Contents?.map((c) => c.Key)).toEqual(['list/a', 'list/b/1', 'list/b/2', 'list/c', 'list/\uFF5E', 'list/\u{1F600}']);
    const first = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'list/', Delimiter: '/', MaxKeys: 2 }));
    expect(first).toMatchObject({ KeyCount: 2, IsTruncated: true, CommonPrefixes: [{ Prefix: 'list/b/' }] });
    expect(first.Contents?.map((c) => c.Key)).toEqual(['list/a']);
    const rest = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'list/', Delimiter: '/', ContinuationToken: first.NextContinuationToken }));
    expect(rest).toMatchObject({ KeyCount: 3, IsTruncated: false });
    expect(rest.Contents?.map((c) => c.Key)).toEqual(['list/c', 'list/\uFF5E', 'list/\u{1F600}']);
    await expect(s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken: '!' }))).rejects.toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
  });
});

describe('data dirs of the earlier layout', () => {
  it('moves objects stored one folder per key segment into the hashed layout on first use', async () => {
    // As the earlier disk store wrote `old/a.txt`: d<segment> folders, f<name> bytes, m<name> metadata.
    const legacy = path.join(dataDir, 'storage', Bucket, 'dold');
    await fs.mkdir(legacy, { recursive: true });
    const metadata = { contentType: 'text/plain', contentLength: 3, etag: '"acbd18db4cc2f85cedef654fccc4a4d8"', lastModified: '2026-11-01T00:00:00.000Z', userMetadata: { owner: 'me' } };
    await fs.writeFile(path.join(legacy, 'fa%2Etxt'), 'foo');
    await fs.writeFile(path.join(legacy, 'ma%2Etxt'), JSON.stringify(metadata));
    await fs.writeFile(path.join(legacy, 'forphan'), 'never committed');

    const { s3 } = await start();
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'old/a.txt' }));
    expect({ body: await got.Body!.transformToString(), etag: got.ETag, owner: got.Metadata?.owner }).toEqual({ body: 'foo', etag: metadata.etag, owner: 'me' });
    expect((await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'old/' }))).Contents?.map((c) => c.Key)).toEqual(['old/a.txt']);
    await expect(fs.stat(legacy)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
