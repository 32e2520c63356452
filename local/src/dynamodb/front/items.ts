/**
 * What the front needs to know about tables to capture images: each table's key attribute names
 * (from DescribeTable, cached until the table changes) and consistent point reads.
 */
import { BackendError, type Backend } from '../backend.ts';
import type { AttributeMap } from '../streams/record.ts';

export class ItemReader {
  private readonly keyNames = new Map<string, Promise<string[] | null>>();

  constructor(private readonly backend: Backend) {}

  /** Key attribute names, or `null` when the table does not exist. */
  keySchema(tableName: string): Promise<string[] | null> {
    let names = this.keyNames.get(tableName);
    if (!names) {
      names = this.backend
        .json<{ Table: { KeySchema: { AttributeName: string; KeyType: string }[] } }>('DescribeTable', { TableName: tableName })
        .then((r) => r.Table.KeySchema.sort((a, b) => (a.KeyType === 'HASH' ? -1 : b.KeyType === 'HASH' ? 1 : 0)).map((k) => k.AttributeName))
        .catch((err: unknown) => {
          this.keyNames.delete(tableName);
          if (err instanceof BackendError && err.type === 'ResourceNotFoundException') return null;
          throw err;
        });
      this.keyNames.set(tableName, names);
    }
    return names;
  }

  forget(tableName?: string): void {
    if (tableName) this.keyNames.delete(tableName);
    else this.keyNames.clear();
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
