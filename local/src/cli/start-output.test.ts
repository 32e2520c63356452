// `cruddur-local start` as a person runs it: a real process on ephemeral ports, read from its
// stdout — the banner, a readable line per request, the sign-up code box; JSON with LOG_FORMAT=json.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, expect, it } from 'vitest';
import { stopProcess } from './testing/cli-process.ts';
import { callCognito } from '../cognito/client.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/cruddur-local.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-output-'));
let child: ChildProcess | undefined;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => stopProcess(child));

/** Starts the backend; resolves with its output so far once `until` matches it. */
function start(name: string, env: Record<string, string>) {
  let out = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  child = spawn(process.execPath, [bin, 'start', '--no-seed', '--data-dir', path.join(dir, name), '--outputs', path.join(dir, `${name}.json`)], {
    env: { ...process.env, APPSYNC_PORT: '0', COGNITO_PORT: '0', STORAGE_PORT: '0', DATA_API_PORT: '0', LOG_LEVEL: 'info', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of [...waiters]) {
      const m = out.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  return {
    output: () => out,
    until: (re: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const m = out.match(re);
        if (m) return resolve(m);
        waiters.push({ re, resolve });
        child!.once('exit', (code) => reject(new Error(`exited (${code}) before ${re}:\n${out}`)));
      }),
  };
}

/** Signs a new person up on the stack started as `name` (its client id from the outputs it wrote). */
const signUp = (name: string, cognitoUrl: string) =>
  callCognito(cognitoUrl, 'SignUp', {
    ClientId: JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')).auth.user_pool_client_id,
    Username: `${name}@start-output.test`,
    Password: 'Start-Output-1',
    UserAttributes: [
      { Name: 'email', Value: `${name}@start-output.test` },
      { Name: 'name', Value: 'Start Output' },
      { Name: 'preferred_username', Value: `so${Date.now().toString(36)}` },
    ],
  });

it('prints the banner, a readable line per request and the code box', async () => {
  const run = start('pretty', {});
  const [, cognitoUrl] = await run.until(/^ {2}Cognito +(\S+)$/m);
  expect(run.output()).toMatch(/Cruddur is running offline\.\n/);
  expect(run.output()).toContain(`listed at ${cognitoUrl}/_local/outbox?email=<email>`);
  await signUp('pretty', cognitoUrl);
  await run.until(/^\d\d:\d\d:\d\d cognito +SignUp 200 \d+ms {2}[0-9a-f]{8}$/m);
  expect(run.output()).toMatch(/│ Code: +\d{6} +│/);
  // Not one JSON line reached the console.
  expect(run.output().split('\n').filter((l) => l.startsWith('{'))).toEqual([]);
}, 120_000);

it('keeps JSON lines with LOG_FORMAT=json', async () => {
  const run = start('json', { LOG_FORMAT: 'json' });
  const [, cognitoUrl] = await run.until(/^ {2}Cognito +(\S+)$/m);
  expect(run.output()).toContain('Logs: JSON lines');
  await signUp('json', cognitoUrl);
  const [line] = await run.until(/^\{.*"action":"SignUp".*\}$/m);
  expect(JSON.parse(line)).toMatchObject({ component: 'cognito', action: 'SignUp', status: 200, msg: 'cognito' });
}, 120_000);
