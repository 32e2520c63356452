/**
 * Objects on disk: `<root>/<bucket>/objects/<h[0..2]>/<h>.data` and `<h>.meta`, where `h` is the
 * SHA-256 of the key (hex). S3 keys are up to 1,024 bytes of UTF-8 (S3 User Guide, "Naming Amazon
 * S3 objects"), while a file name may have 255 bytes and a path 4,096, so a key cannot simply
 * become a path; its hash always fits, and the `.meta` JSON holds the key itself for listing. The
 * metadata file is renamed into place last: an object exists once its metadata does, so a crash
 * mid-write never leaves a half object visible. Data dirs of the earlier layout (one directory per
 * key segment) are moved into this one the first time a bucket is used (./legacy-layout.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { bucketDirName, migrateLegacyLayout } from './legacy-layout.ts';
import { byKeyBytes, type ListedObject, type ObjectMetadata, type ObjectStore } from './object-store.ts';

const OBJECTS = 'objects';

/** The `.meta` file: the key (the file name is only its hash) and the object's metadata. */
interface MetaFile {
  key: string;
  metadata: ObjectMetadata;
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function dirEntries(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Writes `content` next to `file` and renames it into place (atomic on one file system). */
async function writeAtomically(file: string, content: Buffer | string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.tmp-${randomUUID()}`);
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, file);
}

export function diskStore(root: string): ObjectStore {
  const objectsDir = (bucket: string) => path.join(root, bucketDirName(bucket), OBJECTS);
  function files(bucket: string, key: string): { dir: string; data: string; meta: string } {
    const h = createHash('sha256').update(key, 'utf8').digest('hex');
    const dir = path.join(objectsDir(bucket), h.slice(0, 2));
    return { dir, data: path.join(dir, `${h}.data`), meta: path.join(dir, `${h}.meta`) };
  }

  async function write(bucket: string, key: string, data: Buffer | { copyFrom: string }, metadata: ObjectMetadata): Promise<void> {
    const f = files(bucket, key);
    await fs.mkdir(f.dir, { recursive: true });
    if (Buffer.isBuffer(data)) await writeAtomically(f.data, data);
    else {
      const tmp = path.join(f.dir, `.tmp-${randomUUID()}`);
      await fs.copyFile(data.copyFrom, tmp);
      await fs.rename(tmp, f.data);
    }
    // Bytes first, metadata last: the metadata rename is the commit point.
    await writeAtomically(f.meta, JSON.stringify({ key, metadata } satisfies MetaFile));
  }

  const migrations = new Map<string, Promise<unknown>>();
  /** Runs the legacy-layout migration of a bucket once, before its first operation. */
  function ready(bucket: string): Promise<unknown> {
    let m = migrations.get(bucket);
    if (!m) {
      m = migrateLegacyLayout(path.join(root, bucketDirName(bucket)), OBJECTS, (key, dataFile, metadata) => write(bucket, key, { copyFrom: dataFile }, metadata));
      migrations.set(bucket, m);
    }
    return m;
  }

  async function readMeta(file: string): Promise<MetaFile | undefined> {
    const raw = await readIfExists(file);
    return raw && (JSON.parse(raw.toString('utf8')) as MetaFile);
  }

  async function head(bucket: string, key: string): Promise<ObjectMetadata | undefined> {
    await ready(bucket);
    const meta = await readMeta(files(bucket, key).meta);
    return meta?.key === key ? meta.metadata : undefined;
  }

  return {
    async put(bucket, key, body, metadata) {
      await ready(bucket);
      await write(bucket, key, body, metadata);
    },
    async get(bucket, key) {
      const metadata = await head(bucket, key);
      if (!metadata) return undefined;
      const body = await readIfExists(files(bucket, key).data);
      return body && { metadata, body };
    },
    head,
    async delete(bucket, key) {
      await ready(bucket);
      const f = files(bucket, key);
      await fs.rm(f.meta, { force: true });
      await fs.rm(f.data, { force: true });
    },
    async list(bucket, prefix) {
      await ready(bucket);
      const listed: ListedObject[] = [];
      for (const shard of await dirEntries(objectsDir(bucket))) {
        const dir = path.join(objectsDir(bucket), shard);
        const metas = (await dirEntries(dir)).filter((name) => name.endsWith('.meta'));
        for (const meta of await Promise.all(metas.map((name) => readMeta(path.join(dir, name))))) {
          if (meta && meta.key.startsWith(prefix)) listed.push({ key: meta.key, metadata: meta.metadata });
        }
      }
      return listed.sort(byKeyBytes);
    },
  };
}
