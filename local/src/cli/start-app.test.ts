// `cruddur-local start --app <module>`: the launcher serves any app whose module exports an
// AppDefinition. A real process on ephemeral ports starts the todo app (testing/todo-app/) and
// answers a query with the todo app's schema and authorizer, nothing of Cruddur's.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, expect, it } from 'vitest';
import { stopProcess } from './testing/cli-process.ts';
import { TODO_TOKEN } from '../testing/todo-app/functions.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const todoModule = path.resolve(here, '../testing/todo-app/app.ts');
const bin = path.resolve(here, '../../bin/cruddur-local.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-app-'));
let child: ChildProcess | undefined;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => stopProcess(child));

/** Runs `cruddur-local start …args`; resolves with stdout once `until` matches, or rejects with it when the process exits. */
function start(args: string[], until: RegExp): Promise<{ match: RegExpMatchArray; output: string }> {
  let out = '';
  child = spawn(process.execPath, [bin, 'start', '--data-dir', path.join(dir, 'data'), '--outputs', path.join(dir, 'outputs.json'), ...args], {
    env: { ...process.env, APPSYNC_PORT: '0', COGNITO_PORT: '0', STORAGE_PORT: '0', DATA_API_PORT: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(until);
      if (match) resolve({ match, output: out });
    });
    child!.once('exit', (code) => reject(Object.assign(new Error(`exited (${code}) before ${until}`), { stdout: out, stderr: err, code })));
  });
}

it('starts the app --app names and serves a query of its schema', async () => {
  const { match, output } = await start(['--app', todoModule], /^ {2}GraphQL +(\S+)$/m);
  expect(output).toContain('Todo is running offline.');
  const graphql = match[1];
  const ask = (query: string, token = TODO_TOKEN) => fetch(graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query }) });
  const added = await (await ask('mutation { addTodo(title: "from the CLI") { id title done } }')).json();
  expect(added).toEqual({ data: { addTodo: { id: expect.any(String), title: 'from the CLI', done: false } } });
  const listed = await (await ask('{ todos { title } }')).json();
  expect(listed).toEqual({ data: { todos: [{ title: 'from the CLI' }] } });
  // Its own authorizer, and none of Cruddur's fields.
  expect((await ask('{ todos { title } }', 'someone-else')).status).toBe(401);
  const cruddurField = await (await ask('{ me { id } }')).json();
  expect(cruddurField.errors?.[0]?.message).toMatch(/me/);
  // The app's own outputs document: its pool.
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'outputs.json'), 'utf8')).auth.user_pool_id).toBe('us-east-1_TodoLocal');
}, 120_000);

it('refuses a module that exports no AppDefinition, saying so', async () => {
  const failed = await start(['--app', path.resolve(here, '../testing/todo-app/functions.ts')], /never/).catch((e: { stderr: string; code: number }) => e);
  expect(failed).toMatchObject({ code: 2 });
  expect((failed as { stderr: string }).stderr).toMatch(/--app .*functions\.ts: the module exports no AppDefinition/);
}, 60_000);
