/**
 * dynalite's UpdateTable changes throughput only: it cannot add a GSI to an existing table
 * (actions/updateTable.js ignores `GlobalSecondaryIndexUpdates[].Create`). When the app's table definition
 * gains an index and the data dir holds an older table, the embedded table is rebuilt: items are
 * copied to `<dir>/rebuild-<table>.jsonl` (fsynced), the table is dropped and recreated with the
 * full definition, and the items are written back; a copy left by a crash mid-rebuild is restored
 * on the next start. It talks to the store directly, so a rebuild produces no stream records —
 * the data did not change.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TableDefinition } from '../app-definition.ts';
import { BackendError, type Backend } from './backend.ts';
import type { AttributeMap } from './streams/record.ts';
import { createTableInput } from './table-setup.ts';

async function describe(backend: Backend, tableName: string) {
  try {
    return (await backend.json<{ Table: { TableStatus: string; GlobalSecondaryIndexes?: { IndexName: string }[] } }>('DescribeTable', { TableName: tableName })).Table;
  } catch (err) {
    if (err instanceof BackendError && err.type === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('embedded table did not settle');
}

async function writeBack(backend: Backend, tableName: string, items: AttributeMap[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    await backend.json('BatchWriteItem', { RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } });
  }
}

async function recreate(backend: Backend, tableName: string, def: TableDefinition, items: AttributeMap[]): Promise<void> {
  if (await describe(backend, tableName)) {
    await backend.json('DeleteTable', { TableName: tableName });
    await until(async () => !(await describe(backend, tableName)));
  }
  await backend.json('CreateTable', createTableInput(tableName, def));
  await until(async () => (await describe(backend, tableName))?.TableStatus === 'ACTIVE');
  await writeBack(backend, tableName, items);
}

/** Rebuilds the embedded table if it lacks an index from `def` (or finishes an interrupted rebuild). */
export async function rebuildIfIndexesMissing(backend: Backend, tableName: string, def: TableDefinition, dir?: string): Promise<boolean> {
  const copy = dir ? path.join(dir, `rebuild-${tableName}.jsonl`) : undefined;
  if (copy && fs.existsSync(copy)) {
    const items = fs.readFileSync(copy, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AttributeMap);
    await recreate(backend, tableName, def, items);
    fs.rmSync(copy);
    return true;
  }
  const table = await describe(backend, tableName);
  if (!table) return false;
  const have = new Set((table.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
  if (def.globalSecondaryIndexes.every((i) => have.has(i.indexName))) return false;
  const items: AttributeMap[] = [];
  let start: AttributeMap | undefined;
  do {
    const page: { Items?: AttributeMap[]; LastEvaluatedKey?: AttributeMap } = await backend.json('Scan', { TableName: tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) });
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  if (copy) {
    const fd = fs.openSync(copy, 'w');
    fs.writeSync(fd, items.map((i) => JSON.stringify(i) + '\n').join(''));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }
  await recreate(backend, tableName, def, items);
  if (copy) fs.rmSync(copy);
  return true;
}
