/**
 * What the front needs to know about tables to capture images: each table's key attribute names
 * and description (from DescribeTable, cached until the table changes) and consistent point reads.
 */
import { BackendError, type Backend } from '../backend.ts';
import type { AttributeMap } from '../streams/record.ts';

/** The parts of DescribeTable's `Table` the front relies on (dynalite's validators read them too). */
export interface TableDescription {
  KeySchema: { AttributeName: string; KeyType: string }[];
  AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
  StreamSpecification?: { StreamEnabled: boolean; StreamViewType?: string };
  [other: string]: unknown;
}

export class ItemReader {
  private readonly tables = new Map<string, Promise<TableDescription | null>>();

  /** `observe`: sees every table description the reader fetches (for an external store's stream settings). */
  constructor(
    private readonly backend: Backend,
    private readonly observe?: (tableName: string, table: TableDescription) => void,
  ) {}

  /** The table's description, or `null` when the table does not exist (cached until `forget`). */
  table(tableName: string): Promise<TableDescription | null> {
    let table = this.tables.get(tableName);
    if (!table) {
      table = this.backend
        .json<{ Table: TableDescription }>('DescribeTable', { TableName: tableName })
        .then((r) => {
          this.observe?.(tableName, r.Table);
          return r.Table;
        })
        .catch((err: unknown) => {
          this.tables.delete(tableName);
          if (err instanceof BackendError && err.type === 'ResourceNotFoundException') return null;
          throw err;
        });
      this.tables.set(tableName, table);
    }
    return table;
  }

  /** Key attribute names, hash key first, or `null` when the table does not exist. */
  async keySchema(tableName: string): Promise<string[] | null> {
    const table = await this.table(tableName);
    if (!table) return null;
    return [...table.KeySchema].sort((a, b) => (a.KeyType === 'HASH' ? -1 : b.KeyType === 'HASH' ? 1 : 0)).map((k) => k.AttributeName);
  }

  forget(tableName?: string): void {
    if (tableName) this.tables.delete(tableName);
    else this.tables.clear();
  }

  /** The key part of an item, or `null` if the table is unknown or the item lacks a key attribute. */
  async keyOf(tableName: string, item: AttributeMap | undefined): Promise<AttributeMap | null> {
    if (!item || typeof item !== 'object') return null;
    const names = await this.keySchema(tableName);
    if (!names) return null;
    const key: AttributeMap = {};
    for (const name of names) {
      if (!item[name]) return null;
      key[name] = item[name];
    }
    return key;
  }

  async get(tableName: string, key: AttributeMap): Promise<AttributeMap | undefined> {
    const res = await this.backend.json<{ Item?: AttributeMap }>('GetItem', { TableName: tableName, Key: key, ConsistentRead: true });
    return res.Item;
  }
}

/** A stable string for an item key (table + key attributes), for per-item bookkeeping. */
export function keyId(tableName: string, key: AttributeMap): string {
  return `${tableName}\u0000${JSON.stringify(Object.keys(key).sort().map((k) => [k, key[k]]))}`;
}
