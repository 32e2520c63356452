/**
 * Subscriptions in the explorer, against the whole offline stack (real Cognito, Lambda
 * authorizer, engine, streams and the real-time server): the protocol client in Node (errors
 * surfaced as GraphQL errors), then GraphiQL in Chromium: sign in as a demo user, subscribe, see
 * another user's like arrive live in the result pane, and stop — asserting the exact frames sent.
 */
import type { Browser, WebSocket as PageSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { launchChromium, skipBrowserTests } from '../../../../e2e/chromium.ts';
import { demoUsers } from '../../../../definitions/demo-users.ts';
import { operationFor, signIn } from '../../../../seed/api.ts';
import { startStack, type Stack } from '../../stack.ts';
import { realtimeUrlFor, subscribeRealtime, type SubscriptionResult } from './client/realtime.ts';

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

describe.skipIf(skipBrowserTests)('explorer subscriptions in Chromium', () => {
  it('signs in, subscribes, shows another user’s like live, and stops', async () => {
    const asAndrew = operationFor(stack.urls.graphql, tokens.andrewbrown!);
    const created = await asAndrew<{ createCrud: { id: string } }>('mutation { createCrud(message: "explorer live #e2e") { id } }');
    const crudId = created.data!.createCrud.id;

    browser = await launchChromium();
    const page = await browser.newPage();
    const sent: unknown[] = [];
    const received: unknown[] = [];
    const sockets: PageSocket[] = [];
    page.on('websocket', (ws) => {
      sockets.push(ws);
      ws.on('framesent', (f) => sent.push(JSON.parse(String(f.payload))));
      ws.on('framereceived', (f) => received.push(JSON.parse(String(f.payload))));
    });
    await page.goto(stack.urls.explorer);

    const bayko = user('bayko');
    await page.locator('.auth-bar input[placeholder="email"]').fill(bayko.email);
    await page.locator('.auth-bar input[type="password"]').fill(bayko.password);
    await page.locator('.auth-bar button[type="submit"]').click();
    await expect.poll(() => page.locator('.auth-status').innerText(), { timeout: 15_000 }).toBe(`signed in as ${bayko.email}`);
    const token = await page.locator('.auth-bar input').first().inputValue();
    expect(token.split('.')).toHaveLength(3);

    const query = `subscription { onCrudChanged(id: "${crudId}") { id likesCount } }`;
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20_000 });
    await page.evaluate((q) => {
      (document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(q);
    }, query);
    await page.locator('.graphiql-execute-button').click();

    await expect.poll(() => received.find((f) => (f as { type: string }).type === 'start_ack'), { timeout: 15_000 }).toBeTruthy();
    expect(sockets[0]!.url()).toBe(realtimeUrlFor('/graphql', stack.urls.explorer));
    const host = new URL(stack.urls.explorer).host;
    expect(sent[0]).toEqual({ type: 'connection_init' });
    const start = sent[1] as { id: string; type: string; payload: { data: string; extensions: unknown } };
    expect(start.type).toBe('start');
    expect(JSON.parse(start.payload.data)).toEqual({ query, variables: {} });
    expect(start.payload.extensions).toEqual({ authorization: { Authorization: token, host } });

    const liked = await operationFor(stack.urls.graphql, tokens.londo!)(`mutation { likeCrud(id: "${crudId}") { id likesCount } }`);
    expect(liked.errors).toBeUndefined();
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 20_000 }).toMatch(/"likesCount": 1/);
    expect(await page.locator('.result-window').innerText()).toContain(crudId);

    await page.locator('.graphiql-execute-button').click(); // the button stops a running subscription
    await expect.poll(() => sent.slice(2), { timeout: 10_000 }).toEqual([{ type: 'stop', id: start.id }]);
    await expect.poll(() => sockets[0]!.isClosed(), { timeout: 10_000 }).toBe(true);
    expect(received).toContainEqual({ type: 'complete', id: start.id });
  }, 60_000);
});
