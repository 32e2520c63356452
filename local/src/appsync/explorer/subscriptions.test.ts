/**
 * The explorer against the whole offline stack (real Cognito, Lambda authorizer, engine, streams
 * and the real-time server): the real-time client in Node (errors surfaced as GraphQL errors),
 * then the page in Chromium: the user picker, guest mode and sign-out, and an example
 * subscription with the caller's id filled in that shows another user's like live and stops,
 * asserting the exact frames sent.
 */
import type { Browser, Page, WebSocket as PageSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { launchChromium, skipBrowserTests } from '../../../../e2e/chromium.ts';
import { demoUsers } from '../../../../definitions/demo-users.ts';
import { operationFor, signIn } from '../../../../seed/api.ts';
import { startStack, type Stack } from '../../stack.ts';
import { realtimeUrlFor, subscribeRealtime, type SubscriptionResult } from '../realtime-client/index.ts';
import { editorText, resultText } from './testing/editor.ts';

const user = (handle: string) => demoUsers.find((u) => u.handle === handle)!;

let stack: Stack;
let browser: Browser | undefined;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  for (const handle of ['andrewbrown', 'londo']) tokens[handle] = await signIn(stack.cognito.url, stack.cognito.clientId, user(handle));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Runs one subscription with the explorer's client in Node until it completes or `until` holds. */
function collect(token: string, query: string, until: (r: SubscriptionResult[]) => boolean) {
  const results: SubscriptionResult[] = [];
  return new Promise<{ results: SubscriptionResult[]; completed: boolean }>((resolve, reject) => {
    const sub = subscribeRealtime({
      url: realtimeUrlFor(stack.urls.graphql),
      auth: { Authorization: token, host: new URL(stack.urls.graphql).host },
      query,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    }).subscribe({
      next: (r) => {
        results.push(r);
        if (until(results)) {
          sub.unsubscribe();
          resolve({ results, completed: false });
        }
      },
      error: reject,
      complete: () => resolve({ results, completed: true }),
    });
  });
}

describe('explorer real-time client (Node, ws)', () => {
  it('surfaces a refused start (error frame) as GraphQL errors and completes', async () => {
    const { results, completed } = await collect(tokens.londo!, 'subscription { onFeedItem(recipientId: "someone-else") { id } }', () => false);
    expect(completed).toBe(true);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ data: null, errors: [{ errorType: 'Unauthorized' }] });
  });

  it('surfaces a refused handshake (connection_error) as GraphQL errors', async () => {
    const { results, completed } = await collect('', 'subscription { onCrudChanged(id: "x") { id } }', () => false);
    expect(completed).toBe(true);
    expect(results[0]?.errors?.[0]).toMatchObject({ errorType: 'UnauthorizedException', errorCode: 401 });
  });
});

describe.skipIf(skipBrowserTests)('the explorer in Chromium', () => {
  const status = (page: Page) => page.locator('.auth-status').innerText();
  const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('cruddur-explorer-session') ?? 'null') as { token: string } | null);

  async function openExplorer(): Promise<Page> {
    browser ??= await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(stack.urls.explorer);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20_000 });
    return page;
  }

  it('picks a demo user with that user’s own password, starts another account from empty fields, and signs out to guest', async () => {
    const page = await openExplorer();
    expect(await status(page)).toBe('Guest: public queries and subscriptions only.');
    const picker = page.getByLabel('Acting as');

    await picker.selectOption({ label: "@andrewbrown" });
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^Signed in as @andrewbrown · id \S+$/);
    await picker.selectOption({ label: "@bayko" });
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^Signed in as @bayko · id /);

    await picker.selectOption({ label: 'Another account…' });
    const email = page.getByLabel('Email');
    const password = page.getByLabel('Password');
    expect([await email.inputValue(), await password.inputValue()]).toEqual(['', '']);
    await email.fill(user('londo').email);
    expect(await password.inputValue()).toBe(''); // no password carried over from a demo user
    await password.fill('Wrong-Password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^Sign-in failed: Incorrect username or password/);
    await password.fill(user('londo').password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^Signed in as @londo · id /);

    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await status(page)).toBe('Guest: public queries and subscriptions only.');
    expect((await stored(page))?.token).toBe('guest');
    await page.close();
  }, 90_000);

  it('opens an example subscription with the caller’s id filled in, shows another user’s like live, and stops', async () => {
    const asBayko = operationFor(stack.urls.graphql, await signIn(stack.cognito.url, stack.cognito.clientId, user('bayko')));
    const me = await asBayko<{ me: { id: string } }>('{ me { id } }');
    const baykoId = me.data!.me.id;
    const created = await asBayko<{ createCrud: { id: string } }>('mutation { createCrud(message: "explorer live #e2e") { id } }');
    const crudId = created.data!.createCrud.id;

    const page = await openExplorer();
    const sent: unknown[] = [];
    const received: unknown[] = [];
    const sockets: PageSocket[] = [];
    page.on('websocket', (ws) => {
      sockets.push(ws);
      ws.on('framesent', (f) => sent.push(JSON.parse(String(f.payload))));
      ws.on('framereceived', (f) => received.push(JSON.parse(String(f.payload))));
    });

    // Before signing in the pane says where the id comes from, and the example says to sign in.
    expect(await page.locator('.examples-note').innerText()).toContain('{ me { id } }');
    await page.getByLabel('Acting as').selectOption({ label: "@bayko" });
    await expect.poll(() => page.locator('.caller-id').innerText(), { timeout: 15_000 }).toBe(baykoId);
    const token = (await stored(page))!.token;
    expect(token.split('.')).toHaveLength(3);

    await page.getByRole('button', { name: 'Your notifications, live' }).click();
    await expect.poll(() => editorText(page, 'query'), { timeout: 10_000 }).toContain('onNotification(recipientId: $recipientId)');
    expect(JSON.parse(await editorText(page, 'variables'))).toEqual({ recipientId: baykoId });
    expect(await page.locator('.graphiql-tab').count()).toBe(2);
    await page.locator('.graphiql-execute-button').click();

    await expect.poll(() => received.find((f) => (f as { type: string }).type === 'start_ack'), { timeout: 15_000 }).toBeTruthy();
    expect(sockets[0]!.url()).toBe(realtimeUrlFor('/graphql', stack.urls.explorer));
    expect(sent[0]).toEqual({ type: 'connection_init' });
    const start = sent[1] as { id: string; type: string; payload: { data: string; extensions: unknown } };
    expect(start.type).toBe('start');
    expect(JSON.parse(start.payload.data)).toMatchObject({ variables: { recipientId: baykoId }, operationName: 'MyNotifications' });
    expect(start.payload.extensions).toEqual({ authorization: { Authorization: token, host: new URL(stack.urls.explorer).host } });

    const liked = await operationFor(stack.urls.graphql, tokens.londo!)(`mutation { likeCrud(id: "${crudId}") { id likesCount } }`);
    expect(liked.errors).toBeUndefined();
    await expect.poll(() => resultText(page), { timeout: 20_000 }).toContain('"type": "LIKE"');
    expect(await resultText(page)).toContain('"handle": "londo"');

    await page.locator('.graphiql-execute-button').click(); // the button stops a running subscription
    await expect.poll(() => sent.slice(2), { timeout: 10_000 }).toEqual([{ type: 'stop', id: start.id }]);
    await expect.poll(() => sockets[0]!.isClosed(), { timeout: 10_000 }).toBe(true);
    expect(received).toContainEqual({ type: 'complete', id: start.id });
    if (process.env.EXPLORER_SCREENSHOT) await page.screenshot({ path: process.env.EXPLORER_SCREENSHOT });
  }, 90_000);
});
