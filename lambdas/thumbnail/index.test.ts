/**
 * The thumbnail handler against the real offline S3 endpoint and embedded DynamoDB, with images
 * generated here by sharp and hostile inputs built byte by byte.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamo, type DynamoStack } from '../../local/src/dynamodb/index.ts';
import { invokeHandler } from '../../local/src/lambda-runtime/invoke.ts';
import { startStorage, type StorageHandle } from '../../local/src/storage/index.ts';
import { eventKey, objectCreatedEvent } from '../../local/src/storage/events.ts';
import { uploadsBucket } from '../../definitions/buckets.ts';
import type { Outcome } from './index.ts';
import { table as cruddurTable } from '../../definitions/table.ts';
import { buckets as cruddurBuckets } from '../../definitions/buckets.ts';

const credential = { accessKeyId: 'AKIATHUMBNAILTEST001', secretAccessKey: 'thumbnail-test-secret' };
let dynamo: DynamoStack;
let storage: StorageHandle;
let s3: S3Client;
// The function's configuration: an invoked handler sees nothing else of the host's environment.
let env: Record<string, string>;
/** The thumbnailer's declared memory, which its decode budget follows (AWS_LAMBDA_FUNCTION_MEMORY_SIZE). */
const declaredMemory = uploadsBucket.notification!.memorySize;

beforeAll(async () => {
  dynamo = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  storage = await startStorage({ buckets: cruddurBuckets, port: 0, region: dynamo.region, credentials: [credential], corsOrigins: [], notifications: false });
  env = {
    TABLE_NAME: dynamo.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: storage.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: dynamo.region,
    AWS_ACCESS_KEY_ID: credential.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credential.secretAccessKey,
    ASSETS_BUCKET: storage.bucketNames.AssetsBucket,
    ASSETS_BASE_URL: storage.publicBaseUrl('AssetsBucket'),
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  };
  s3 = new S3Client({ region: dynamo.region, endpoint: storage.endpoint, forcePathStyle: true, credentials: credential });
});

afterAll(async () => {
  s3?.destroy();
  await storage?.close();
  await dynamo?.close();
});

const uploads = () => storage.bucketNames.UploadsBucket;

async function newUser(): Promise<string> {
  const sub = randomUUID();
  await dynamo.client.send(new PutItemCommand({ TableName: dynamo.tableName, Item: marshall({ pk: `USER#${sub}`, sk: 'PROFILE', id: sub, handle: `u${sub.slice(0, 8)}`, displayName: 'U', avatarUrl: null }) }));
  return sub;
}

const profile = async (sub: string) =>
  unmarshall((await dynamo.client.send(new GetItemCommand({ TableName: dynamo.tableName, Key: marshall({ pk: `USER#${sub}`, sk: 'PROFILE' }), ConsistentRead: true }))).Item!);

/** Uploads `body` and runs the handler with the event S3 would send. */
async function upload(key: string, body: Buffer, eventTime?: string, memorySize = declaredMemory): Promise<Outcome[]> {
  const put = await s3.send(new PutObjectCommand({ Bucket: uploads(), Key: key, Body: body }));
  const event = objectCreatedEvent({ bucket: uploads(), key, size: body.length, eTag: put.ETag!.slice(1, -1), requestId: 'R', sourceIp: '127.0.0.1', principalId: 'P' }, dynamo.region, 'test');
  if (eventTime) event.Records[0].eventTime = eventTime;
  return (await invokeHandler('lambdas/thumbnail/index.ts#handler', event, { functionName: 'thumbnail', memorySize, env })) as Outcome[];
}

const exists = (Bucket: string, Key: string) =>
  s3.send(new HeadObjectCommand({ Bucket, Key })).then(
    () => true,
    () => false,
  );

const uploadKey = (sub: string, ext = 'jpg') => `uploads/${sub}/${randomBytes(16).toString('hex')}.${ext}`;

/** A photo-like JPEG with EXIF (camera and GPS-ish comment) that must not survive. */
function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 90 } } })
    .composite([{ input: { create: { width: Math.floor(width / 2), height: Math.floor(height / 2), channels: 3, background: '#00ff00' } }, top: 0, left: 0 }])
    .jpeg()
    .withExif({ IFD0: { Make: 'SecretCam', Model: 'X1', ImageDescription: 'home at 52.52N 13.40E' } })
    .toBuffer();
}

/** A valid small PNG whose header claims `width`×`height` (CRC fixed up): a decompression bomb's header. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).png().toBuffer();
  // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('valid images', () => {
  it('writes 512 and 128 JPEG/WebP renditions without metadata, sets avatarUrl, deletes the upload', async () => {
    const sub = await newUser();
    const source = await photo(800, 600);
    expect((await sharp(source).metadata()).exif).toBeDefined();
    const key = uploadKey(sub);
    const [outcome] = await upload(key, source);
    expect(outcome.status).toBe('processed');
    const url = (outcome as { avatarUrl: string }).avatarUrl;
    expect(url).toMatch(new RegExp(`^${storage.publicBaseUrl('AssetsBucket')}/avatars/${sub}/[0-9a-f]{64}/512\\.webp$`));
    expect((await profile(sub)).avatarUrl).toBe(url);
    expect(await exists(uploads(), key)).toBe(false);

    const prefix = url.slice(storage.publicBaseUrl('AssetsBucket').length + 1, -'512.webp'.length);
    for (const [size, ext, format] of [[512, 'jpg', 'jpeg'], [512, 'webp', 'webp'], [128, 'jpg', 'jpeg'], [128, 'webp', 'webp']] as const) {
      const res = await fetch(`${storage.publicBaseUrl('AssetsBucket')}/${prefix}${size}.${ext}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toBe(`image/${format}`);
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect({ width: meta.width, height: meta.height, format: meta.format, exif: meta.exif, xmp: meta.xmp }).toEqual({ width: size, height: size, format, exif: undefined, xmp: undefined });
    }
  });

  it('accepts PNG with transparency and WebP, flattening onto white for JPEG', async () => {
    const sub = await newUser();
    const png = await sharp({ create: { width: 300, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const [a] = await upload(uploadKey(sub, 'png'), png);
    expect(a.status).toBe('processed');
    const jpegUrl = (a as { avatarUrl: string }).avatarUrl.replace('512.webp', '128.jpg');
    const { data } = await sharp(Buffer.from(await (await fetch(jpegUrl)).arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(240);
    const webp = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#abcdef' } }).webp().toBuffer();
    const [b] = await upload(uploadKey(sub, 'webp'), webp, new Date(Date.now() + 1000).toISOString());
    expect(b.status).toBe('processed');
    expect((await profile(sub)).avatarUrl).toBe((b as { avatarUrl: string }).avatarUrl);
  });

  it('is idempotent on a redelivered event and never lets an older upload win', async () => {
    const sub = await newUser();
    const newer = await photo(100, 100);
    const key = uploadKey(sub);
    const put = await s3.send(new PutObjectCommand({ Bucket: uploads(), Key: key, Body: newer }));
    const event = objectCreatedEvent({ bucket: uploads(), key, size: newer.length, eTag: put.ETag!, requestId: 'R', sourceIp: '127.0.0.1', principalId: 'P' }, dynamo.region, 'test');
    const run = () => invokeHandler('lambdas/thumbnail/index.ts#handler', event, { functionName: 'thumbnail', memorySize: declaredMemory, env }) as Promise<Outcome[]>;
    expect((await run())[0].status).toBe('processed');
    const url = (await profile(sub)).avatarUrl;
    expect((await run())[0]).toMatchObject({ status: 'skipped', reason: 'already processed' });
    const [older] = await upload(uploadKey(sub), await photo(120, 90), '2000-01-01T00:00:00.000Z');
    expect(older).toMatchObject({ status: 'skipped' });
    expect((await profile(sub)).avatarUrl).toBe(url);
  });
});

describe('bad input is removed and logged, nothing throws', () => {
  it.each([
    ['a text file named .jpg', async () => Buffer.from('hello, I am not a JPEG\n'), /unsupported image format/],
    ['a truncated JPEG', async () => (await photo(640, 480)).subarray(0, 1500), /premature end/],
    ['a decompression bomb (100k × 100k header)', () => pngClaiming(100_000, 100_000), /pixel limit/],
    ['an SVG (not an accepted format)', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'), /format svg is not accepted/],
    ['an empty file', async () => Buffer.alloc(0), /outside 1\.\./],
  ] as const)('%s', async (_name, make, reason) => {
    const sub = await newUser();
    const key = uploadKey(sub);
    const [outcome] = await upload(key, await make());
    expect(outcome.status).toBe('rejected');
    expect((outcome as { reason: string }).reason).toMatch(reason);
    expect(await exists(uploads(), key)).toBe(false);
    expect((await profile(sub)).avatarUrl).toBeNull();
  });

  it('refuses an image whose decode would not fit the function’s memory, before decoding it', async () => {
    // 4000×3000 RGB ≈ 126 MB to decode; a 256 MB function has 96 MB for it after the runtime's share.
    const image = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#204060' } }).jpeg().toBuffer();
    const sub = await newUser();
    const key = uploadKey(sub);
    // The runtime reports the memory as AWS_LAMBDA_FUNCTION_MEMORY_SIZE.
    const [outcome] = await upload(key, image, undefined, 256);
    expect(outcome).toMatchObject({ status: 'rejected', reason: "image of 4000×3000 pixels needs about 121 MB to decode, over the function's memory budget of 96 MB" });
    expect(await exists(uploads(), key)).toBe(false);
    expect((await profile(sub)).avatarUrl).toBeNull();
    // The same image fits the thumbnailer's declared 1,536 MB.
    expect((await upload(uploadKey(sub), image))[0].status).toBe('processed');
  });

  it('removes an object under an unexpected key', async () => {
    const key = 'uploads/not a sub/../x.jpg';
    const [outcome] = await upload(key, await photo(10, 10));
    expect(outcome).toMatchObject({ status: 'rejected', reason: 'unexpected key' });
    expect(await exists(uploads(), key)).toBe(false);
    expect(eventKey(key)).toBe('uploads/not+a+sub/../x.jpg');
  });
});
