/**
 * The S3-compatible request handler: path-style `/<bucket>/<key>` PutObject, GetObject,
 * HeadObject, DeleteObject and ListObjectsV2 with S3's headers and XML errors, SigV4 (header or presigned query)
 * checked by ./sigv4.ts, bucket CORS, and object-created notifications.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { corsHeaders, preflight, type CorsRule } from './cors.ts';
import { s3Errors, S3ErrorResponse, sendS3Error, type S3Error } from './errors.ts';
import type { Notifier } from './events.ts';
import { listObjectsV2 } from './list-objects.ts';
import type { ObjectMetadata, ObjectStore } from './object-store.ts';
import { authenticate, queryValue, type Principal, type StorageCredential } from './sigv4.ts';
import { createHostCheck, type HostCheck } from '../host-check/host-check.ts';

export interface BucketConfig {
  name: string;
  /** Anonymous GET/HEAD allowed (the assets bucket, which CloudFront serves to anyone). */
  publicRead: boolean;
  /** Cache-Control for objects stored without one (what the CDN would answer). */
  defaultCacheControl?: string;
}

export interface StorageHandlerOptions {
  store: ObjectStore;
  buckets: BucketConfig[];
  credentials: StorageCredential[];
  cors: CorsRule[];
  notifier: Notifier;
  /** Largest accepted PUT body offline (S3's own single-PUT limit is 5 GB). */
  maxObjectBytes: number;
  log: (obj: object, msg: string) => void;
  /** Which Host headers are served (default: loopback + ALLOWED_HOSTS). */
  hostCheck?: HostCheck;
}

interface Target {
  bucket: BucketConfig;
  key: string;
  resource: string;
}

/** "The object key name is a sequence of Unicode characters with UTF-8 encoding of up to 1,024 bytes long" (S3 User Guide). */
const MAX_KEY_BYTES = 1024;

const requestId = () => randomBytes(8).toString('hex').toUpperCase();

function parseTarget(rawPath: string, buckets: BucketConfig[]): Target {
  const slash = rawPath.indexOf('/', 1);
  const bucketName = decodeURIComponent(slash === -1 ? rawPath.slice(1) : rawPath.slice(1, slash));
  const bucket = buckets.find((b) => b.name === bucketName);
  if (!bucket) throw new S3ErrorResponse(s3Errors.noSuchBucket({ BucketName: bucketName }));
  const key = slash === -1 ? '' : decodeURIComponent(rawPath.slice(slash + 1));
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) throw new S3ErrorResponse(s3Errors.keyTooLong());
  return { bucket, key, resource: key ? `/${bucketName}/${key}` : `/${bucketName}` };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new S3ErrorResponse(s3Errors.entityTooLarge({ MaxSizeAllowed: String(limit) })));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Integrity headers S3 checks against the body it received. */
function checkIntegrity(req: IncomingMessage, query: URLSearchParams, body: Buffer): void {
  const sha = req.headers['x-amz-content-sha256'] ?? queryValue(query, 'x-amz-content-sha256');
  if (typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha) && sha !== createHash('sha256').update(body).digest('hex')) {
    throw new S3ErrorResponse(s3Errors.badDigest());
  }
  const md5 = req.headers['content-md5'];
  if (typeof md5 === 'string' && md5 !== createHash('md5').update(body).digest('base64')) {
    throw new S3ErrorResponse({ status: 400, code: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.' });
  }
  const crc = req.headers['x-amz-checksum-crc32'] ?? queryValue(query, 'x-amz-checksum-crc32');
  if (typeof crc === 'string') {
    const actual = Buffer.alloc(4);
    actual.writeUInt32BE(zlib.crc32(body));
    if (crc !== actual.toString('base64')) throw new S3ErrorResponse({ status: 400, code: 'BadDigest', message: 'The CRC32 you specified did not match the calculated checksum.' });
  }
}

function objectHeaders(m: ObjectMetadata, bucket: BucketConfig): Record<string, string> {
  const cacheControl = m.cacheControl ?? bucket.defaultCacheControl;
  return {
    'content-type': m.contentType,
    'content-length': String(m.contentLength),
    etag: m.etag,
    'last-modified': new Date(m.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    ...(cacheControl ? { 'cache-control': cacheControl } : {}),
    ...Object.fromEntries(Object.entries(m.userMetadata).map(([k, v]) => [`x-amz-meta-${k}`, v])),
  };
}

export function createStorageHandler(options: StorageHandlerOptions): RequestListener {
  const { store, notifier } = options;
  const hostCheck = options.hostCheck ?? createHostCheck();

  async function put(req: IncomingMessage, res: ServerResponse, t: Target, query: URLSearchParams, principal: Principal, id: string, cors: Record<string, string>) {
    const declared = req.headers['content-length'];
    if (declared === undefined) throw new S3ErrorResponse(s3Errors.missingContentLength());
    if (Number(declared) > options.maxObjectBytes) throw new S3ErrorResponse(s3Errors.entityTooLarge({ ProposedSize: declared, MaxSizeAllowed: String(options.maxObjectBytes) }));
    const sha = String(req.headers['x-amz-content-sha256'] ?? '');
    if (sha.startsWith('STREAMING-') || String(req.headers['content-encoding'] ?? '').includes('aws-chunked')) throw new S3ErrorResponse(s3Errors.notImplemented());
    const body = await readBody(req, options.maxObjectBytes);
    if (body.length !== Number(declared)) throw new S3ErrorResponse(s3Errors.incompleteBody());
    checkIntegrity(req, query, body);
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    const userMetadata: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (name.startsWith('x-amz-meta-') && typeof value === 'string') userMetadata[name.slice(11)] = value;
    await store.put(t.bucket.name, t.key, body, {
      contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'),
      contentLength: body.length,
      etag,
      lastModified: new Date().toISOString(),
      ...(typeof req.headers['cache-control'] === 'string' ? { cacheControl: req.headers['cache-control'] } : {}),
      userMetadata,
    });
    res.writeHead(200, { ...cors, etag, 'x-amz-request-id': id, 'content-length': '0' });
    res.end();
    notifier.objectCreated({
      bucket: t.bucket.name,
      key: t.key,
      size: body.length,
      eTag: etag.slice(1, -1),
      requestId: id,
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      principalId: principal.accessKeyId,
    });
  }

  async function get(req: IncomingMessage, res: ServerResponse, t: Target, id: string, cors: Record<string, string>) {
    const head = req.method === 'HEAD';
    const found = head ? await store.head(t.bucket.name, t.key) : await store.get(t.bucket.name, t.key);
    if (!found) throw new S3ErrorResponse(s3Errors.noSuchKey({ Key: t.key }));
    const metadata = 'metadata' in found ? found.metadata : found;
    const headers = { ...cors, ...objectHeaders(metadata, t.bucket), 'x-amz-request-id': id };
    if (req.headers['if-none-match'] === metadata.etag) {
      delete (headers as Record<string, string>)['content-length'];
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, headers);
    res.end(head || !('body' in found) ? undefined : found.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://storage.local');
    const rawPath = (req.url ?? '/').split('?')[0];
    if (req.method === 'OPTIONS') {
      const refused = preflight(options.cors, req, res);
      if (refused) throw new S3ErrorResponse(refused);
      return;
    }
    const cors = corsHeaders(options.cors, req);
    const t = parseTarget(rawPath, options.buckets);
    const principal = await authenticate({ method: req.method ?? 'GET', path: rawPath, query: url.searchParams, headers: req.headers }, options.credentials);
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (!t.key) {
      // Of the bucket-level operations only ListObjectsV2 is offered; listing always needs a signature.
      if (req.method !== 'GET' || url.searchParams.get('list-type') !== '2') throw new S3ErrorResponse(s3Errors.notImplemented());
      if (!principal) throw new S3ErrorResponse(s3Errors.accessDenied());
      const xml = await listObjectsV2(store, t.bucket.name, url.searchParams);
      res.writeHead(200, { ...cors, 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(xml)), 'x-amz-request-id': id });
      res.end(xml);
      return;
    }
    if (!principal && !(reading && t.bucket.publicRead)) throw new S3ErrorResponse(s3Errors.accessDenied());
    if (req.method === 'PUT') return put(req, res, t, url.searchParams, principal!, id, cors);
    if (reading) return get(req, res, t, id, cors);
    if (req.method === 'DELETE') {
      await store.delete(t.bucket.name, t.key);
      res.writeHead(204, { ...cors, 'x-amz-request-id': id });
      res.end();
      return;
    }
    throw new S3ErrorResponse(s3Errors.methodNotAllowed({ Method: String(req.method), ResourceType: 'OBJECT' }));
  }

  return (req, res) => {
    const id = requestId();
    const started = Date.now();
    // Before CORS, authentication or reading a body; no CORS headers on the refusal either.
    if (!hostCheck(req.headers.host)) {
      res.setHeader('connection', 'close');
      sendS3Error(res, s3Errors.hostNotAllowed(req.headers.host), { resource: (req.url ?? '/').split('?')[0], requestId: id, head: req.method === 'HEAD' });
      options.log({ requestId: id, method: req.method, status: 403, refusedHost: true }, 'storage request');
      return;
    }
    handle(req, res, id)
      .catch((err: unknown) => {
        let error: S3Error;
        if (err instanceof S3ErrorResponse) error = err.error;
        else if (err instanceof URIError) error = s3Errors.invalidArgument();
        else {
          options.log({ err: (err as Error).message, requestId: id }, 'storage request failed');
          error = s3Errors.internalError();
        }
        if (res.headersSent) return void res.destroy();
        // A refused upload is not read; S3 closes such connections rather than drain them.
        if (req.method === 'PUT' && !req.readableEnded) res.setHeader('connection', 'close');
        for (const [name, value] of Object.entries(corsHeaders(options.cors, req))) res.setHeader(name, value);
        sendS3Error(res, error, { resource: (req.url ?? '/').split('?')[0], requestId: id, head: req.method === 'HEAD' });
      })
      .finally(() => options.log({ requestId: id, method: req.method, path: (req.url ?? '/').split('?')[0], status: res.statusCode, ms: Date.now() - started }, 'storage request'));
  };
}
