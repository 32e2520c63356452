/** `cruddur-local backfill-insights` on a data dir the stack wrote and then stopped. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { demoUsers } from '../../../../definitions/demo-users.ts';
import { openDatabase } from '../../database/index.ts';
import { operationFor, signIn } from '../../../../seed/api.ts';
import { startStack } from '../../stack.ts';
import { run } from './backfill-insights.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-backfill-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const count = async (sql: string) => {
  const db = await openDatabase({ dataDir });
  try {
    return Number((await db.query(sql, [])).rows[0][0]);
  } finally {
    await db.close();
  }
};

it('refills an emptied Insights database from the data dir’s table', async () => {
  const stack = await startStack({ dataDir, ports: {}, seed: true, log: 'silent' });
  try {
    const andrew = demoUsers.find((u) => u.handle === 'andrewbrown')!;
    const op = operationFor(stack.urls.graphql, await signIn(stack.cognito.url, stack.cognito.clientId, andrew));
    expect((await op('mutation { createCrud(message: "kept through a backfill #offline") { id } }')).errors).toBeUndefined();
    await stack.dynamo.streams.idle();
  } finally {
    await stack.close();
  }
  expect(await count('SELECT count(*) FROM cruds')).toBe(1);
  const db = await openDatabase({ dataDir });
  await db.query('TRUNCATE users, cruds, hashtags, crud_hashtags, engagements, follow_events RESTART IDENTITY CASCADE', []);
  await db.close();

  const lines: string[] = [];
  expect(await run(['--data-dir', dataDir], (l) => lines.push(l))).toBe(0);
  expect(lines.join('\n')).toMatch(/applied, 1 Data API calls/);
  expect(await count(`SELECT count(*) FROM cruds c JOIN crud_hashtags h ON h.crud_id = c.id WHERE c.message = 'kept through a backfill #offline'`)).toBe(1);
  expect(await count('SELECT count(*) FROM users WHERE handle IS NOT NULL')).toBe(demoUsers.length);
}, 300_000);

it('fills a new Insights database on start when the data dir’s table predates it', async () => {
  // A data dir from before Insights: the table holds the crud, Postgres does not exist yet.
  fs.rmSync(path.join(dataDir, 'postgres'), { recursive: true, force: true });
  const stack = await startStack({ dataDir, ports: {}, log: 'silent' });
  await stack.close();
  expect(await count(`SELECT count(*) FROM cruds WHERE message = 'kept through a backfill #offline'`)).toBe(1);
}, 300_000);
