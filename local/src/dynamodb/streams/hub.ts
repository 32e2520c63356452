/**
 * One stream per table with an enabled `StreamSpecification` (streams/settings.ts); writes to
 * other tables produce no records. The stream label — the timestamp in the stream ARN — is fixed
 * when a table's stream is first created and kept in the data dir (re-enabling a stream keeps
 * it, where DynamoDB would start a new stream with a new label).
 */
import fs from 'node:fs';
import path from 'node:path';
import { RequestCorrelation } from './correlation.ts';
import { StreamLog } from './log.ts';
import { streamArn, type Change, type StreamRecord } from './record.ts';
import { StreamSettings, type StreamSpecification } from './settings.ts';

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
  /** Which tables have a stream, with which view type. */
  readonly settings: StreamSettings;

  constructor(private readonly options: StreamHubOptions) {
    this.settings = new StreamSettings(options.dir);
  }

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
      const viewType = this.settings.viewType(change.tableName);
      if (!viewType) return [];
      const records = this.log(change.tableName).append([change], now, viewType);
      if (requestId) this.correlation.note(change.tableName, records.map((r) => r.dynamodb.SequenceNumber), requestId);
      return records;
    });
  }

  /**
   * What DescribeTable says about the table's stream: `StreamSpecification` while enabled, and
   * `LatestStreamArn`/`LatestStreamLabel` once it has had one (they outlive disabling).
   */
  describe(tableName: string): { StreamSpecification?: StreamSpecification; LatestStreamArn?: string; LatestStreamLabel?: string } {
    if (!this.settings.hadStream(tableName)) return {};
    const arn = this.log(tableName).eventSourceARN;
    const viewType = this.settings.viewType(tableName);
    return {
      ...(viewType ? { StreamSpecification: { StreamEnabled: true, StreamViewType: viewType } } : {}),
      LatestStreamArn: arn,
      LatestStreamLabel: arn.slice(arn.lastIndexOf('/') + 1),
    };
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
