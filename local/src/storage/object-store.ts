/**
 * What the S3 endpoint stores objects in: the interface, and the in-memory store used without a
 * data dir. The on-disk store is ./disk-store.ts.
 */

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

export interface ListedObject {
  key: string;
  metadata: ObjectMetadata;
}

export interface ObjectStore {
  put(bucket: string, key: string, body: Buffer, metadata: ObjectMetadata): Promise<void>;
  get(bucket: string, key: string): Promise<StoredObject | undefined>;
  head(bucket: string, key: string): Promise<ObjectMetadata | undefined>;
  /** Deleting a missing key succeeds, as in S3. */
  delete(bucket: string, key: string): Promise<void>;
  /** The bucket's objects whose key starts with `prefix`, in S3's listing order (see byKeyBytes). */
  list(bucket: string, prefix: string): Promise<ListedObject[]>;
}

/** S3 lists keys in UTF-8 binary order, which differs from JS string (UTF-16) order past U+FFFF. */
export function byKeyBytes(a: { key: string }, b: { key: string }): number {
  return Buffer.compare(Buffer.from(a.key, 'utf8'), Buffer.from(b.key, 'utf8'));
}

export function memoryStore(): ObjectStore {
  const buckets = new Map<string, Map<string, StoredObject>>();
  const bucket = (name: string) => {
    let objects = buckets.get(name);
    if (!objects) buckets.set(name, (objects = new Map()));
    return objects;
  };
  return {
    async put(b, key, body, metadata) {
      bucket(b).set(key, { body: Buffer.from(body), metadata: structuredClone(metadata) });
    },
    async get(b, key) {
      const o = bucket(b).get(key);
      return o && { body: o.body, metadata: structuredClone(o.metadata) };
    },
    async head(b, key) {
      const o = bucket(b).get(key);
      return o && structuredClone(o.metadata);
    },
    async delete(b, key) {
      bucket(b).delete(key);
    },
    async list(b, prefix) {
      const listed: ListedObject[] = [];
      for (const [key, o] of bucket(b)) if (key.startsWith(prefix)) listed.push({ key, metadata: structuredClone(o.metadata) });
      return listed.sort(byKeyBytes);
    },
  };
}
