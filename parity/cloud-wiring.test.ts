/**
 * `npm run test:cloud` cannot reach AWS here, so its wiring is proven offline: pointed through
 * CRUDDUR_OUTPUTS at a running offline stack's amplify_outputs.json — the same path a deployment's
 * file takes — it runs the whole parity suite against that stack, creating and removing its users
 * through the pool's Admin API.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognito } from '../local/src/cognito/client.ts';
import { writeOutputs } from '../local/src/outputs/amplify-outputs.ts';
import { startStack, type Stack } from '../local/src/stack.ts';
import { testGroups } from '../scripts/test-groups.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-test-cloud-'));
let stack: Stack;

/** Runs `npm run test:cloud` as a person would, without this runner's own VITEST_* variables. */
function testCloud(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  const child = spawn('npm', ['run', '--silent', 'test:cloud'], { cwd: root, env: { ...inherited, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

beforeAll(async () => {
  stack = await startStack({ ports: {}, log: 'silent' });
}, 180_000);

afterAll(async () => {
  await stack?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run test:cloud', () => {
  it('runs the parity suite against the stack CRUDDUR_OUTPUTS names, and leaves no user behind', async () => {
    const file = path.join(dir, 'amplify_outputs.json');
    await writeOutputs(file, stack.outputs);
    // The operator's credentials sign the Admin calls, as against AWS: offline, the stack's key.
    const { code, output } = await testCloud({ CRUDDUR_OUTPUTS: file, AWS_ACCESS_KEY_ID: stack.iamCredential.accessKeyId, AWS_SECRET_ACCESS_KEY: stack.iamCredential.secretAccessKey });
    expect(code, output).toBe(0);
    expect(output).toContain(`parity suite against ${file}`);
    expect(output).toMatch(new RegExp(`Test Files +${testGroups(root).parity.length} passed`));

    // It was this stack: the people it signed up got their codes from this pool's outbox…
    const outbox = (await (await fetch(`${stack.urls.cognito}/_local/outbox`)).json()) as { messages: { to: string }[] };
    const emails = [...new Set(outbox.messages.map((m) => m.to))];
    expect(emails.length).toBeGreaterThanOrEqual(5);
    // …and the pool no longer has them.
    for (const email of emails) {
      await expect(callCognito(stack.cognito.url, 'AdminGetUser', { UserPoolId: stack.outputs.auth!.user_pool_id, Username: email }, stack.iamCredential)).rejects.toMatchObject({ type: 'UserNotFoundException' });
    }
  }, 600_000);

  it('says what to do when there is no outputs file', async () => {
    const { code, output } = await testCloud({ CRUDDUR_OUTPUTS: path.join(dir, 'missing.json') });
    expect(code).toBe(2);
    expect(output).toMatch(/missing\.json does not exist\. Run `npm run deploy`/);
  }, 120_000);
});
