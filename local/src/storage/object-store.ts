/**
 * Where objects live: in memory, or on disk under `<root>/<bucket>/…`. Each key segment is
 * percent-encoded and prefixed (`d` for a folder, `f` for the object's bytes, `m` for its
 * metadata), so any S3 key (`..`, empty segments, `a` beside `a/b`) maps to a safe, distinct path.
 * The metadata file is renamed into place last: an object exists once its metadata does, so a
 * crash mid-write never leaves a half object visible.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface ObjectMetadata {
  contentType: string;
  contentLength: number;
  /** Quoted hex MD5, as S3 returns it. */
  etag: string;
  lastModified: string;
  cacheControl?: string;
  /** `x-amz-meta-*` user metadata, lower-cased names without the prefix. */
  userMetadata: Record<string, string>;
}

export interface StoredObject {
  metadata: ObjectMetadata;
  body: Buffer;
}

export interface ObjectStore {
  put(bucket: string, key: string, body: Buffer, metadata: ObjectMetadata): Promise<void>;
  get(bucket: string, key: string): Promise<StoredObject | undefined>;
  head(bucket: string, key: string): Promise<ObjectMetadata | undefined>;
  /** Deleting a missing key succeeds, as in S3. */
  delete(bucket: string, key: string): Promise<void>;
}

export function memoryStore(): ObjectStore {
  const objects = new Map<string, StoredObject>();
  const id = (bucket: string, key: string) => `${bucket}\n${key}`;
  return {
    async put(bucket, key, body, metadata) {
      objects.set(id(bucket, key), { body: Buffer.from(body), metadata: structuredClone(metadata) });
    },
    async get(bucket, key) {
      const o = objects.get(id(bucket, key));
      return o && { body: o.body, metadata: structuredClone(o.metadata) };
    },
    async head(bucket, key) {
      const o = objects.get(id(bucket, key));
      return o && structuredClone(o.metadata);
    },
    async delete(bucket, key) {
      objects.delete(id(bucket, key));
    },
  };
}

const encode = (segment: string) => encodeURIComponent(segment).replace(/\./g, '%2E').replace(/\*/g, '%2A');

function paths(root: string, bucket: string, key: string): { dir: string; data: string; meta: string } {
  const segments = key.split('/');
  const last = encode(segments.pop()!);
  const dir = path.join(root, encode(bucket), ...segments.map((s) => `d${encode(s)}`));
  return { dir, data: path.join(dir, `f${last}`), meta: path.join(dir, `m${last}`) };
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export function diskStore(root: string): ObjectStore {
  async function head(bucket: string, key: string): Promise<ObjectMetadata | undefined> {
    const raw = await readIfExists(paths(root, bucket, key).meta);
    return raw && (JSON.parse(raw.toString('utf8')) as ObjectMetadata);
  }
  return {
    async put(bucket, key, body, metadata) {
      const p = paths(root, bucket, key);
      await fs.mkdir(p.dir, { recursive: true });
      const tmp = `${p.dir}${path.sep}.tmp-${randomUUID()}`;
      // Bytes first, metadata last: the metadata rename is the commit point.
      await fs.writeFile(`${tmp}-f`, body);
      await fs.rename(`${tmp}-f`, p.data);
      await fs.writeFile(`${tmp}-m`, JSON.stringify(metadata));
      await fs.rename(`${tmp}-m`, p.meta);
    },
    async get(bucket, key) {
      const metadata = await head(bucket, key);
      if (!metadata) return undefined;
      const body = await readIfExists(paths(root, bucket, key).data);
      return body && { metadata, body };
    },
    head,
    async delete(bucket, key) {
      const p = paths(root, bucket, key);
      await fs.rm(p.meta, { force: true });
      await fs.rm(p.data, { force: true });
    },
  };
}
