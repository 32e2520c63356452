/**
 * The earlier on-disk layout mapped each key segment to a path segment: percent-encoded and
 * prefixed (`d` folder, `f` bytes, `m` metadata), e.g. `a/b c.txt` → `da/fb%20c%2Etxt` + `mb%20c%2Etxt`.
 * It broke on keys with a segment over ~85 multi-byte characters (255-byte file names), so
 * ./disk-store.ts now hashes keys; this moves a bucket's old objects into the new layout.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ObjectMetadata } from './object-store.ts';

/** Percent-encoding that also escapes `.` and `*`, so no segment is `.`/`..` or a glob. */
const encode = (segment: string) => encodeURIComponent(segment).replace(/\./g, '%2E').replace(/\*/g, '%2A');

/** The directory of a bucket under the storage root (unchanged from the earlier layout). */
export const bucketDirName = (bucket: string) => encode(bucket);

type Adopt = (key: string, dataFile: string, metadata: ObjectMetadata) => Promise<void>;

/**
 * Moves every committed object found in the old layout under `bucketDir` (everything but the
 * `skip` folder, which is the new layout's) through `adopt`, then deletes the old files. Safe to
 * re-run after a crash: an object's old files go only after `adopt` committed it.
 */
export async function migrateLegacyLayout(bucketDir: string, skip: string, adopt: Adopt): Promise<number> {
  let moved = 0;
  async function walk(dir: string, segments: string[]): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (segments.length === 0 && entry.name === skip) continue;
      if (entry.isDirectory() && entry.name.startsWith('d')) {
        await walk(full, [...segments, decodeURIComponent(entry.name.slice(1))]);
        await fs.rmdir(full).catch(() => undefined); // only when empty
      } else if (entry.isFile() && entry.name.startsWith('m')) {
        const name = entry.name.slice(1);
        const metadata = JSON.parse(await fs.readFile(full, 'utf8')) as ObjectMetadata;
        const data = path.join(dir, `f${name}`);
        // A delete removes the metadata first, so bytes without metadata can remain, never the reverse.
        if (await fs.stat(data).catch(() => undefined)) await adopt([...segments, decodeURIComponent(name)].join('/'), data, metadata);
        await fs.rm(full, { force: true });
        await fs.rm(data, { force: true });
        moved++;
      } else if (entry.isFile() && entry.name.startsWith('.tmp-')) {
        await fs.rm(full, { force: true }); // an interrupted write, never committed
      }
    }
    // Bytes whose metadata never landed were never visible; they go with their folder.
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.startsWith('f')) {
        const meta = path.join(dir, `m${entry.name.slice(1)}`);
        if (!(await fs.stat(meta).catch(() => undefined))) await fs.rm(path.join(dir, entry.name), { force: true });
      }
    }
  }
  await walk(bucketDir, []);
  return moved;
}
