import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { uploadsBucket, type BucketDefinition } from '../../../definitions/buckets.ts';
import { startStorage, type StorageHandle } from './index.ts';
import { recorder } from './testing/record-event.ts';

const credential = { accessKeyId: 'AKIASTORAGETEST00001', secretAccessKey: 'storage-test-secret' };
const region = 'us-east-1';
const origin = 'http://localhost:5173';
const testBuckets: BucketDefinition[] = [
  {
    logicalName: 'UploadsBucket',
    localName: 'test-uploads',
    publicRead: false,
    // The rule the app declares, as both halves serve it.
    cors: uploadsBucket.cors,
    notification: { prefix: 'uploads/', handler: 'local/src/storage/testing/record-event.ts#handler', functionName: 'recorder' },
  },
  { logicalName: 'AssetsBucket', localName: 'test-assets', publicRead: true },
];

let storage: StorageHandle;
let s3: S3Client;
let dataDir: string;

function client(endpoint: string, creds = credential): S3Client {
  // WHEN_REQUIRED: no CRC32 of an empty body baked into presigned PUT URLs (aws-sdk-js-v3 #6810).
  return new S3Client({ region, endpoint, forcePathStyle: true, credentials: creds, requestChecksumCalculation: 'WHEN_REQUIRED' });
}

async function presignPut(key: string, contentType: string, contentLength: number, options: { expiresIn?: number; signingDate?: Date; c?: S3Client } = {}) {
  return getSignedUrl(options.c ?? s3, new PutObjectCommand({ Bucket: 'test-uploads', Key: key, ContentType: contentType, ContentLength: contentLength }), {
    expiresIn: options.expiresIn ?? 300,
    signingDate: options.signingDate,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
}

async function xmlError(res: Response): Promise<{ status: number; code?: string; message?: string }> {
  const text = await res.text();
  return { status: res.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1], message: /<Message>([^<]+)<\/Message>/.exec(text)?.[1] };
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cruddur-storage-'));
  storage = await startStorage({ port: 0, dataDir, region, credentials: [credential], corsOrigins: [origin], buckets: testBuckets, publicCacheControl: 'public, max-age=31536000, immutable', retryDelaysMs: [10, 10] });
  s3 = client(storage.endpoint);
});

afterAll(async () => {
  s3?.destroy();
  await storage?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  recorder().received.length = 0;
  recorder().failuresLeft = 0;
});

describe('SDK-signed (Authorization header) calls', () => {
  it('puts, heads, gets and deletes an object with S3 headers', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket: 'test-assets', Key: 'a/b c.txt', Body: Buffer.from('hello'), ContentType: 'text/plain', CacheControl: 'max-age=60', Metadata: { owner: 'me' } }));
    expect(put.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'test-assets', Key: 'a/b c.txt' }));
    expect(head).toMatchObject({ ContentType: 'text/plain', ContentLength: 5, ETag: put.ETag, CacheControl: 'max-age=60', Metadata: { owner: 'me' } });
    expect(head.LastModified).toBeInstanceOf(Date);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'test-assets', Key: 'a/b c.txt' }));
    expect(await got.Body!.transformToString()).toBe('hello');
    await s3.send(new DeleteObjectCommand({ Bucket: 'test-assets', Key: 'a/b c.txt' }));
    await expect(s3.send(new GetObjectCommand({ Bucket: 'test-assets', Key: 'a/b c.txt' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    // Deleting a missing key succeeds, as in S3.
    await s3.send(new DeleteObjectCommand({ Bucket: 'test-assets', Key: 'a/b c.txt' }));
  });

  it('rejects a wrong secret, an unknown key id and an unknown bucket', async () => {
    const wrong = client(storage.endpoint, { ...credential, secretAccessKey: 'nope' });
    await expect(wrong.send(new GetObjectCommand({ Bucket: 'test-assets', Key: 'x' }))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    const unknown = client(storage.endpoint, { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' });
    await expect(unknown.send(new PutObjectCommand({ Bucket: 'test-uploads', Key: 'x', Body: 'x' }))).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    await expect(s3.send(new GetObjectCommand({ Bucket: 'nope', Key: 'x' }))).rejects.toMatchObject({ name: 'NoSuchBucket' });
    wrong.destroy();
    unknown.destroy();
  });

  it('refuses a body that does not match the signed x-amz-content-sha256', async () => {
    const res = await fetch(`${storage.endpoint}/test-uploads/x`, { method: 'PUT', body: 'x' });
    expect(await xmlError(res)).toMatchObject({ status: 403, code: 'AccessDenied' });
  });
});

describe('anonymous reads', () => {
  it('serves the public bucket with immutable cache headers and 304s, never the private one', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'test-assets', Key: 'avatars/u/h/512.webp', Body: Buffer.from([1, 2, 3]), ContentType: 'image/webp' }));
    const res = await fetch(`${storage.endpoint}/test-assets/avatars/u/h/512.webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('content-length')).toBe('3');
    expect(res.headers.get('last-modified')).toMatch(/GMT$/);
    const again = await fetch(`${storage.endpoint}/test-assets/avatars/u/h/512.webp`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(await xmlError(await fetch(`${storage.endpoint}/test-assets/missing`))).toMatchObject({ status: 404, code: 'NoSuchKey' });
    const head = await fetch(`${storage.endpoint}/test-assets/missing`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    await s3.send(new PutObjectCommand({ Bucket: 'test-uploads', Key: 'private', Body: 'secret' }));
    expect(await xmlError(await fetch(`${storage.endpoint}/test-uploads/private`))).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(await xmlError(await fetch(`${storage.endpoint}/test-assets/x`, { method: 'DELETE' }))).toMatchObject({ status: 403, code: 'AccessDenied' });
  });
});

describe('presigned PUT (query auth)', () => {
  const body = Buffer.from('0123456789');

  it('accepts the exact type and length that were signed', async () => {
    const url = await presignPut('uploads/u1/ok.jpg', 'image/jpeg', body.length);
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    const res = await fetch(url, { method: 'PUT', body, headers: { 'content-type': 'image/jpeg' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'test-uploads', Key: 'uploads/u1/ok.jpg' }));
    expect(got.ContentType).toBe('image/jpeg');
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
  });

  it('rejects a tampered signature, key or expiry', async () => {
    const url = new URL(await presignPut('uploads/u1/t.jpg', 'image/jpeg', body.length));
    const sig = url.searchParams.get('X-Amz-Signature')!;
    const tampered = new URL(url);
    tampered.searchParams.set('X-Amz-Signature', `${sig[0] === 'a' ? 'b' : 'a'}${sig.slice(1)}`);
    expect(await xmlError(await fetch(tampered, { method: 'PUT', body, headers: { 'content-type': 'image/jpeg' } }))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    const otherKey = new URL(url.href.replace('/t.jpg', '/u.jpg'));
    expect(await xmlError(await fetch(otherKey, { method: 'PUT', body, headers: { 'content-type': 'image/jpeg' } }))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    const longer = new URL(url);
    longer.searchParams.set('X-Amz-Expires', '604800');
    expect(await xmlError(await fetch(longer, { method: 'PUT', body, headers: { 'content-type': 'image/jpeg' } }))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('rejects an expired URL', async () => {
    const url = await presignPut('uploads/u1/old.jpg', 'image/jpeg', body.length, { expiresIn: 60, signingDate: new Date(Date.now() - 120_000) });
    expect(await xmlError(await fetch(url, { method: 'PUT', body, headers: { 'content-type': 'image/jpeg' } }))).toEqual({ status: 403, code: 'AccessDenied', message: 'Request has expired' });
  });

  it('rejects a body whose length differs from the signed Content-Length', async () => {
    const url = await presignPut('uploads/u1/len.jpg', 'image/jpeg', body.length);
    const bigger = Buffer.concat([body, body]);
    expect(await xmlError(await fetch(url, { method: 'PUT', body: bigger, headers: { 'content-type': 'image/jpeg' } }))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'test-uploads', Key: 'uploads/u1/len.jpg' }))).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('rejects a content type other than the signed one', async () => {
    const url = await presignPut('uploads/u1/type.jpg', 'image/jpeg', body.length);
    expect(await xmlError(await fetch(url, { method: 'PUT', body, headers: { 'content-type': 'text/html' } }))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('rejects incomplete query auth and a foreign access key', async () => {
    const url = new URL(await presignPut('uploads/u1/q.jpg', 'image/jpeg', body.length));
    url.searchParams.delete('X-Amz-Date');
    expect(await xmlError(await fetch(url, { method: 'PUT', body, headers: { 'content-type': 'image/jpeg' } }))).toMatchObject({ status: 400, code: 'AuthorizationQueryParametersError' });
    const foreign = client(storage.endpoint, { accessKeyId: 'AKIAFOREIGN', secretAccessKey: 'x' });
    const url2 = await presignPut('uploads/u1/q.jpg', 'image/jpeg', body.length, { c: foreign });
    expect(await xmlError(await fetch(url2, { method: 'PUT', body, headers: { 'content-type': 'image/jpeg' } }))).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
    foreign.destroy();
  });

  it('honours a payload hash signed into the URL: the exact body passes, another one is refused', async () => {
    const host = new URL(storage.endpoint).host;
    const signer = new SignatureV4({ credentials: credential, region, service: 's3', sha256: Sha256, uriEscapePath: false });
    const hash = createHash('sha256').update(body).digest('hex');
    const signed = await signer.presign(new HttpRequest({ method: 'PUT', protocol: 'http:', hostname: host, path: '/test-uploads/uploads/u1/hashed.jpg', headers: { host, 'x-amz-content-sha256': hash } }), { expiresIn: 60 });
    const url = `${storage.endpoint}${signed.path}?${new URLSearchParams(signed.query as Record<string, string>)}`;
    expect(new URL(url).searchParams.get('x-amz-content-sha256')).toBe(hash);
    expect((await fetch(url, { method: 'PUT', body })).status).toBe(200);
    expect(await xmlError(await fetch(url, { method: 'PUT', body: Buffer.from('9876543210') }))).toMatchObject({ status: 400, code: 'XAmzContentSHA256Mismatch' });
  });

  it('checks a signed CRC32 against the body, as S3 does (the SDK default bakes in the empty body\'s)', async () => {
    const defaults = new S3Client({ region, endpoint: storage.endpoint, forcePathStyle: true, credentials: credential });
    const url = await presignPut('uploads/u1/crc.jpg', 'image/jpeg', body.length, { c: defaults });
    expect(new URL(url).searchParams.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
    expect(await xmlError(await fetch(url, { method: 'PUT', body, headers: { 'content-type': 'image/jpeg' } }))).toMatchObject({ status: 400, code: 'BadDigest' });
    defaults.destroy();
  });
});

describe('CORS', () => {
  it('answers an allowed preflight and decorates the actual response', async () => {
    const pre = await fetch(`${storage.endpoint}/test-uploads/uploads/u1/c.jpg`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(200);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    expect(pre.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');
    const url = await presignPut('uploads/u1/c.jpg', 'image/png', 3);
    const res = await fetch(url, { method: 'PUT', body: 'abc', headers: { 'content-type': 'image/png', origin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('refuses a foreign origin, method or header', async () => {
    const ask = (headers: Record<string, string>) => fetch(`${storage.endpoint}/test-uploads/uploads/u1/c.jpg`, { method: 'OPTIONS', headers });
    expect(await xmlError(await ask({ origin: 'https://evil.example', 'access-control-request-method': 'PUT' }))).toMatchObject({ status: 403, code: 'AccessForbidden' });
    expect(await xmlError(await ask({ origin, 'access-control-request-method': 'DELETE' }))).toMatchObject({ status: 403, code: 'AccessForbidden' });
    expect(await xmlError(await ask({ origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization' }))).toMatchObject({ status: 403 });
    const res = await fetch(`${storage.endpoint}/test-assets/missing`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('object-created events', () => {
  it('delivers S3-shaped events for the notification prefix only, key URL-encoded', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket: 'test-uploads', Key: 'uploads/u 1/a=b.png', Body: Buffer.from('png!') }));
    await s3.send(new PutObjectCommand({ Bucket: 'test-uploads', Key: 'other/x', Body: Buffer.from('x') }));
    await s3.send(new PutObjectCommand({ Bucket: 'test-assets', Key: 'uploads/x', Body: Buffer.from('x') }));
    await storage.idle();
    const events = recorder().received;
    expect(events).toHaveLength(1);
    const [record] = events[0].Records;
    expect(record).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: region,
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: credential.accessKeyId },
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: 'test-uploads', arn: 'arn:aws:s3:::test-uploads' },
        object: { key: 'uploads/u+1/a%3Db.png', size: 4, eTag: put.ETag!.slice(1, -1) },
      },
    });
    expect(record.s3.object.sequencer).toMatch(/^[0-9A-F]+$/);
    expect(new Date(record.eventTime).toISOString()).toBe(record.eventTime);
  });

  it('retries a failing handler twice, like an asynchronous Lambda invocation', async () => {
    recorder().failuresLeft = 2;
    await s3.send(new PutObjectCommand({ Bucket: 'test-uploads', Key: 'uploads/u1/retry.png', Body: Buffer.from('x') }));
    await storage.idle();
    expect(recorder().received).toHaveLength(3);
  });
});

describe('persistence', () => {
  it('keeps objects under <dataDir>/storage across restarts, and awkward keys stay distinct', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'test-assets', Key: 'p/..', Body: 'dots' }));
    await s3.send(new PutObjectCommand({ Bucket: 'test-assets', Key: 'p', Body: 'file' }));
    await s3.send(new PutObjectCommand({ Bucket: 'test-assets', Key: 'p//x', Body: 'double' }));
    const second = await startStorage({ port: 0, dataDir, region, credentials: [credential], corsOrigins: [origin], buckets: testBuckets, notifications: false });
    try {
      const c = client(second.endpoint);
      const read = async (Key: string) => (await (await c.send(new GetObjectCommand({ Bucket: 'test-assets', Key }))).Body!.transformToString());
      expect([await read('p/..'), await read('p'), await read('p//x')]).toEqual(['dots', 'file', 'double']);
      c.destroy();
    } finally {
      await second.close();
    }
    const entries = await fs.readdir(path.join(dataDir, 'storage'));
    expect(entries.sort()).toEqual(['test-assets', 'test-uploads']);
  });
});
