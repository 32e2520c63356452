/**
 * Which tables have a stream, and which images its records carry (`StreamSpecification`).
 * A table without an enabled stream produces no records. Settings persist beside the stream
 * logs (`<dataDir>/dynamodb/streams/settings.json`).
 *
 * The error texts are DynamoDB's, as observed against the service (UpdateTable on a live
 * table): re-enabling or changing the view type of an enabled stream → "Table already has an
 * enabled stream: TableName: <t>"; enabling without a view type → "One or more parameter values
 * were invalid: If stream is being enabled then UpdateViewType is required"; disabling with one →
 * "…If stream is being disabled, then UpdateViewType must not be specified"; disabling a table
 * without a stream → "Table has no stream to disable: TableName: <t>". After disabling,
 * DescribeTable omits StreamSpecification but still names the latest stream.
 */
import fs from 'node:fs';
import path from 'node:path';

export const STREAM_VIEW_TYPES = ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'] as const;
export type StreamViewType = (typeof STREAM_VIEW_TYPES)[number];

export interface StreamSpecification {
  StreamEnabled: boolean;
  StreamViewType?: StreamViewType;
}

interface TableStream {
  /** The view type while the stream is enabled; absent once disabled. */
  viewType?: StreamViewType;
}

const INVALID = 'One or more parameter values were invalid: ';

export class StreamSettings {
  private readonly tables: Record<string, TableStream>;
  private readonly file?: string;

  constructor(dir?: string) {
    this.file = dir ? path.join(dir, 'settings.json') : undefined;
    this.tables = this.file && fs.existsSync(this.file) ? (JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, TableStream>) : {};
  }

  /** The view type of the table's enabled stream, or `undefined` when it has none. */
  viewType(tableName: string): StreamViewType | undefined {
    return this.tables[tableName]?.viewType;
  }

  /** True once the table has had a stream (DescribeTable then names the latest one). */
  hadStream(tableName: string): boolean {
    return tableName in this.tables;
  }

  /**
   * The ValidationException message for a `StreamSpecification` in CreateTable (no `current`)
   * or UpdateTable (`current`: the table's enabled view type, if any), or `null` when it is valid.
   */
  check(tableName: string, spec: unknown, update: { current?: StreamViewType } | null): string | null {
    if (!spec || typeof spec !== 'object') return "1 validation error detected: Value null at 'streamSpecification' failed to satisfy constraint: Member must not be null";
    const { StreamEnabled: enabled, StreamViewType: viewType } = spec as Record<string, unknown>;
    if (typeof enabled !== 'boolean') {
      return "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null";
    }
    if (viewType !== undefined && !STREAM_VIEW_TYPES.includes(viewType as StreamViewType)) {
      return `1 validation error detected: Value '${String(viewType)}' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [${STREAM_VIEW_TYPES.join(', ')}]`;
    }
    if (enabled && viewType === undefined) return `${INVALID}If stream is being enabled then UpdateViewType is required`;
    if (!enabled && viewType !== undefined) return `${INVALID}If stream is being disabled, then UpdateViewType must not be specified`;
    if (update && enabled && update.current) return `Table already has an enabled stream: TableName: ${tableName}`;
    if (update && !enabled && !update.current) return `Table has no stream to disable: TableName: ${tableName}`;
    return null;
  }

  /** Applies a valid specification (see `check`). */
  apply(tableName: string, spec: StreamSpecification): void {
    if (spec.StreamEnabled) this.tables[tableName] = { viewType: spec.StreamViewType };
    else if (this.tables[tableName]) this.tables[tableName] = {};
    else return;
    this.save();
  }

  /** Forgets a deleted table: a new table of the same name starts without a stream. */
  forget(tableName: string): void {
    if (!(tableName in this.tables)) return;
    delete this.tables[tableName];
    this.save();
  }

  private save(): void {
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.tables, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
