/**
 * Durability of the embedded database: the cluster lives under `<dataDir>/postgres`, survives
 * a clean restart, and keeps every acknowledged write after `kill -9` of the process that made it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './index.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-db-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('embedded database on disk', () => {
  it('keeps its data under <dataDir>/postgres across a clean restart', async () => {
    const dataDir = tmp();
    const first = await openDatabase({ dataDir, url: '' });
    expect(first.kind).toBe('pglite');
    await first.query('CREATE TABLE kept (v text)');
    await first.query("INSERT INTO kept VALUES ('x')");
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    const second = await openDatabase({ dataDir, url: '' });
    try {
      expect((await second.query('SELECT v FROM kept')).rows).toEqual([['x']]);
    } finally {
      await second.close();
    }
  });

  it('keeps every acknowledged write after kill -9', async () => {
    const dataDir = tmp();
    const script = fileURLToPath(new URL('./testing/child-database.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line === 'ack done') resolve();
      });
    });
    // Acknowledged; no chance to checkpoint or close.
    child.kill('SIGKILL');
    await exited;

    const db = await openDatabase({ dataDir, url: '' });
    try {
      const rows = (await db.query('SELECT id FROM durable ORDER BY id')).rows.map((r) => Number(r[0]));
      expect(rows).toEqual([...Array.from({ length: 19 }, (_, i) => i + 2), 100]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
