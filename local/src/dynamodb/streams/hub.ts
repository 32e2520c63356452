/**
 * One stream per table, created on first write (every table the front sees is stream-enabled
 * with NEW_AND_OLD_IMAGES). The stream label — the timestamp in the stream ARN — is fixed when a
 * table's stream is first created and kept in the data dir, as DynamoDB keeps it for the table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RequestCorrelation } from './correlation.ts';
import { StreamLog } from './log.ts';
import { streamArn, type Change, type StreamRecord } from './record.ts';

export interface StreamHubOptions {
  region: string;
  accountId?: string;
  /** `<dataDir>/dynamodb/streams`; in memory when absent. */
  dir?: string;
}

export class StreamHub {
  private readonly logs = new Map<string, StreamLog>();
  private readonly listeners = new Set<(record: StreamRecord) => void>();
  /** Which request wrote which record, for event source mappings' log lines (never their events). */
  readonly correlation = new RequestCorrelation();

  constructor(private readonly options: StreamHubOptions) {}

  log(tableName: string): StreamLog {
    let log = this.logs.get(tableName);
    if (!log) {
      const label = this.label(tableName);
      log = new StreamLog({
        tableName,
        region: this.options.region,
        eventSourceARN: streamArn(this.options.region, this.options.accountId ?? '000000000000', tableName, label),
        dir: this.options.dir,
      });
      log.subscribe((record) => {
        for (const listener of this.listeners) listener(record);
      });
      this.logs.set(tableName, log);
    }
    return log;
  }

  /**
   * Records committed changes, grouped per table in commit order; `requestId` (the GraphQL
   * request behind the write, when the caller said) is noted for the new records.
   */
  commit(changes: Change[], requestId?: string): StreamRecord[] {
    const now = Date.now();
    return changes.flatMap((change) => {
      const records = this.log(change.tableName).append([change], now);
      if (requestId) this.correlation.note(change.tableName, records.map((r) => r.dynamodb.SequenceNumber), requestId);
      return records;
    });
  }

  /** Every record of every table, as it is committed. */
  subscribe(listener: (record: StreamRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private label(tableName: string): string {
    const fresh = new Date().toISOString().replace(/Z$/, '');
    if (!this.options.dir) return fresh;
    fs.mkdirSync(this.options.dir, { recursive: true });
    const file = path.join(this.options.dir, `${tableName}.label`);
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
    fs.writeFileSync(file, fresh);
    return fresh;
  }
}
