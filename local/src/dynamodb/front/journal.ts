/**
 * Crash safety for the window between "the store applied a write" and "its stream records are
 * in the stream log". Before a write reaches the store, the front notes the items it is about to
 * change (with their old images) and each stream's tip; after the records are appended it clears
 * the note. A note found at start-up means the process died inside that window, before answering
 * the client:
 * - if records were appended after the noted tips, the write completed: nothing to do;
 * - a transaction is rolled back to the old images (it was never acknowledged, and all-or-nothing
 *   matters more than keeping half of it);
 * - a single write or batch is kept, and a record is emitted for each item that now differs from
 *   its old image, so no change to the table goes unrecorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../backend.ts';
import type { StreamHub } from '../streams/hub.ts';
import type { AttributeMap, Change } from '../streams/record.ts';
import { sameItem } from '../streams/record.ts';
import type { ItemReader } from './items.ts';

export interface IntendedChange {
  tableName: string;
  keys: AttributeMap;
  oldImage?: AttributeMap;
}

interface Note {
  transaction: boolean;
  tips: Record<string, string | null>;
  items: IntendedChange[];
}

export class WriteJournal {
  private readonly file?: string;
  private dirty = false;

  constructor(dir: string | undefined, private readonly hub: StreamHub) {
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      this.file = path.join(dir, 'write-in-progress.json');
    }
  }

  begin(items: IntendedChange[], transaction: boolean): void {
    if (!this.file || items.length === 0) return;
    const tips: Record<string, string | null> = {};
    for (const i of items) tips[i.tableName] = this.hub.log(i.tableName).latest();
    fs.writeFileSync(this.file, JSON.stringify({ transaction, tips, items } satisfies Note));
    this.dirty = true;
  }

  end(): void {
    if (!this.file || !this.dirty) return;
    fs.writeFileSync(this.file, '');
    this.dirty = false;
  }

  /** Settles a write interrupted by a crash; call before serving requests. */
  async recover(backend: Backend, reader: ItemReader): Promise<void> {
    if (!this.file || !fs.existsSync(this.file)) return;
    let note: Note;
    try {
      note = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Note;
    } catch {
      // Empty (cleared) or torn: a torn note was never followed by a store write.
      return;
    }
    const completed = Object.entries(note.tips).some(([table, tip]) => this.hub.log(table).readAfter(tip, 1).length > 0);
    if (!completed) {
      if (note.transaction) {
        for (const item of note.items) {
          await (item.oldImage
            ? backend.json('PutItem', { TableName: item.tableName, Item: item.oldImage })
            : backend.json('DeleteItem', { TableName: item.tableName, Key: item.keys }));
        }
      } else {
        const changes: Change[] = [];
        for (const item of note.items) {
          const now = await reader.get(item.tableName, item.keys);
          const changed = now ? !item.oldImage || !sameItem(now, item.oldImage) : !!item.oldImage;
          if (changed) changes.push({ tableName: item.tableName, keys: item.keys, oldImage: item.oldImage, newImage: now });
        }
        this.hub.commit(changes);
      }
    }
    fs.writeFileSync(this.file, '');
  }
}
