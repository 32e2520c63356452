/**
 * A table's stream: an ordered, append-only log of records with monotonically increasing
 * sequence numbers, retained 24 hours like DynamoDB Streams. With a directory it is a JSON-lines
 * file appended synchronously before the writing request is answered, so a record for an
 * acknowledged write survives `kill -9` (the bytes are in the OS page cache) and a restart still
 * delivers it. Readers (event source mappings) keep their own positions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildRecord, formatSequenceNumber, parseSequenceNumber, type Change, type StreamRecord } from './record.ts';
import type { StreamViewType } from './settings.ts';

export const RETENTION_MS = 24 * 60 * 60 * 1000;

export interface StreamLogOptions {
  tableName: string;
  region: string;
  eventSourceARN: string;
  /** Directory for `<table>.jsonl`; in memory when absent. */
  dir?: string;
}

export class StreamLog {
  readonly tableName: string;
  readonly eventSourceARN: string;
  private readonly region: string;
  private readonly file?: string;
  private records: StreamRecord[] = [];
  private next = 1n;
  private readonly listeners = new Set<(record: StreamRecord) => void>();

  constructor(options: StreamLogOptions) {
    this.tableName = options.tableName;
    this.region = options.region;
    this.eventSourceARN = options.eventSourceARN;
    if (options.dir) {
      fs.mkdirSync(options.dir, { recursive: true });
      this.file = path.join(options.dir, `${options.tableName}.jsonl`);
      this.load();
    }
  }

  /** Appends the records for committed changes (unchanged items produce none) and notifies listeners. */
  append(changes: Change[], now = Date.now(), viewType: StreamViewType = 'NEW_AND_OLD_IMAGES'): StreamRecord[] {
    const out: StreamRecord[] = [];
    for (const change of changes) {
      const record = buildRecord(change, formatSequenceNumber(this.next), {
        region: this.region,
        eventSourceARN: this.eventSourceARN,
        now,
        viewType,
      });
      if (!record) continue;
      this.next += 1n;
      out.push(record);
    }
    if (out.length === 0) return out;
    if (this.file) fs.appendFileSync(this.file, out.map((r) => JSON.stringify(r) + '\n').join(''));
    this.records.push(...out);
    for (const record of out) for (const listener of this.listeners) listener(record);
    return out;
  }

  subscribe(listener: (record: StreamRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sequence number of the newest record, or `null` for an empty stream. */
  latest(): string | null {
    return this.records.length ? this.records[this.records.length - 1].dynamodb.SequenceNumber : null;
  }

  /** Up to `limit` retained records after `after` (exclusive; `null` = from the trim horizon). */
  readAfter(after: string | null, limit: number): StreamRecord[] {
    this.trim();
    let start = 0;
    if (after !== null) {
      const target = parseSequenceNumber(after);
      let lo = 0;
      let hi = this.records.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (parseSequenceNumber(this.records[mid].dynamodb.SequenceNumber) <= target) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    return this.records.slice(start, start + limit);
  }

  /** Drops records older than the retention period (in memory; the file is compacted on load). */
  private trim(now = Date.now()): void {
    const cutoff = (now - RETENTION_MS) / 1000;
    let drop = 0;
    while (drop < this.records.length && this.records[drop].dynamodb.ApproximateCreationDateTime < cutoff) drop += 1;
    if (drop) this.records.splice(0, drop);
  }

  private load(): void {
    if (!this.file || !fs.existsSync(this.file)) return;
    const lines = fs.readFileSync(this.file, 'utf8').split('\n');
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        this.records.push(JSON.parse(line) as StreamRecord);
      } catch {
        // A line torn by a crash mid-append belongs to a write that was never acknowledged.
      }
    }
    const last = this.latest();
    if (last) this.next = parseSequenceNumber(last) + 1n;
    const before = this.records.length;
    this.trim();
    if (this.records.length !== before || lines.some((l) => l.trim() && !l.endsWith('}'))) {
      const tmp = `${this.file}.tmp`;
      fs.writeFileSync(tmp, this.records.map((r) => JSON.stringify(r) + '\n').join(''));
      fs.renameSync(tmp, this.file);
    }
  }
}
