/**
 * The stack's IAM key through a restart of the same data dir: the file is owner-only, the key is
 * the same after the restart, and the restarted stack accepts requests signed with it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { signAppSyncRequest } from '../appsync/auth/testing/sigv4-client.ts';
import { startStack, type Stack } from '../stack.ts';
import { credentialFile } from './local-credential.ts';

let dataDir = '';
let stack: Stack | undefined;
afterAll(async () => {
  await stack?.close();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

it('keeps one owner-only key per data dir across restarts', async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cruddur-stack-iam-'));
  stack = await startStack({ dataDir, ports: {}, log: 'silent' });
  const first = stack.iamCredential;
  await stack.close();
  stack = undefined;
  expect((await fs.stat(credentialFile(dataDir))).mode & 0o777).toBe(0o600);

  stack = await startStack({ dataDir, ports: {}, log: 'silent' });
  expect(stack.iamCredential).toEqual(first);
  const body = JSON.stringify({ query: '{ __typename }' });
  const headers = await signAppSyncRequest({ host: new URL(stack.urls.graphql).host, path: '/graphql', body, ...first });
  const res = await fetch(stack.urls.graphql, { method: 'POST', headers, body });
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
}, 120_000);
