/**
 * Bulk import into the embedded store: items (DynamoDB JSON) go straight into dynalite's LevelDB
 * as one batch per chunk, table rows and global-index rows together, using dynalite's own key and
 * index functions (`dynalite/db`: createKey, getIndexActions) so reads cannot tell them apart from
 * items written by PutItem. It is the offline counterpart of DynamoDB's import from S3, which
 * also writes no stream records and consumes no write capacity ("DynamoDB data import from Amazon
 * S3" page). dynalite's BatchWriteItem costs ≈300 µs per item (validation, lock, read of the old
 * item, per-index puts); a large fixture has millions of items. See decision 025.
 *
 * Import is for keys that do not exist yet: an overwritten item's old index rows are not removed.
 */
import { createRequire } from 'node:module';
import type { AttributeMap } from '../streams/record.ts';

const require = createRequire(import.meta.url);

interface TableDescription {
  TableName: string;
  KeySchema: { AttributeName: string; KeyType: string }[];
  GlobalSecondaryIndexes?: { IndexName: string; KeySchema: unknown[]; Projection: { ProjectionType: string } }[];
}
interface SubDb {
  batch(ops: { type: 'put'; key: string; value: unknown }[], cb: (err?: Error) => void): void;
}
/** The parts of dynalite's store (dynalite/db `create`) the import uses. */
export interface DynaliteStore {
  getTable(name: string, cb: (err: Error | null, table: TableDescription) => void): void;
  getItemDb(name: string): SubDb;
  getIndexDb(indexType: 'Global' | 'Local', tableName: string, indexName: string): SubDb;
}
const dynaliteDb = require('dynalite/db') as {
  createKey(item: AttributeMap, table: TableDescription): string;
  getIndexActions(indexes: unknown[], existing: undefined, item: AttributeMap, table: TableDescription): { puts: { index: string; key: string; item: AttributeMap }[] };
};

const batch = (db: SubDb, ops: { type: 'put'; key: string; value: unknown }[]) =>
  new Promise<void>((resolve, reject) => (ops.length === 0 ? resolve() : db.batch(ops, (err) => (err ? reject(err) : resolve()))));

/** Writes `items` (DynamoDB JSON, keys present) into `tableName` of `store`. */
export async function bulkImport(store: DynaliteStore, tableName: string, items: AttributeMap[]): Promise<void> {
  const table = await new Promise<TableDescription>((resolve, reject) => store.getTable(tableName, (err, t) => (err ? reject(err) : resolve(t))));
  const rows: { type: 'put'; key: string; value: unknown }[] = [];
  const indexRows = new Map<string, { type: 'put'; key: string; value: unknown }[]>();
  for (const item of items) {
    for (const k of table.KeySchema) {
      if (!item[k.AttributeName]) throw new Error(`bulk import: item without key attribute ${k.AttributeName}`);
    }
    rows.push({ type: 'put', key: dynaliteDb.createKey(item, table), value: item });
    for (const put of dynaliteDb.getIndexActions(table.GlobalSecondaryIndexes ?? [], undefined, item, table).puts) {
      let list = indexRows.get(put.index);
      if (!list) indexRows.set(put.index, (list = []));
      list.push({ type: 'put', key: put.key, value: put.item });
    }
  }
  await batch(store.getItemDb(tableName), rows);
  for (const [index, ops] of indexRows) await batch(store.getIndexDb('Global', tableName, index), ops);
}
