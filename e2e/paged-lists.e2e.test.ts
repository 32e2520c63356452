/**
 * Long lists stay whole while they change live, in Chromium on the real offline stack: the
 * notifications, the inbox and a conversation's messages are paged past their first page, a live
 * notification or message arrives while the next page is on its way (the request is held in the
 * browser until the live item is in) and again with every page loaded, and each list then shows
 * every item once, in order.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { seedDemoUsers } from '../local/src/cognito/seed.ts';
import { createSeedApi, type SeedApi } from '../seed/api.ts';
import { skipBrowserTests } from './chromium.ts';
import { screenshot, signIn, startApp, type App } from './harness.ts';

const LIVE = { timeout: 20_000 };
const STEP = 240_000;
/** The web app's page size for notifications, conversations and messages. */
const PAGE = 30;
const PEERS = PAGE + 2;

const person = (handle: string) => ({ handle, name: `Pager ${handle}`, email: `${handle}@paging.test`, password: `Paging-${handle}-1` });
const recipient = person('pager');
const peers = Array.from({ length: PEERS }, (_, i) => person(`peer${String(i + 1).padStart(2, '0')}`));
const SEND = 'mutation S($to: String!, $body: String!) { sendMessage(toHandle: $to, body: $body) { conversationId } }';
const POST = 'mutation C($m: String!) { createCrud(message: $m) { id } }';

/** Whether a GraphQL request is `operation` asking for a later page (it carries a nextToken). */
function isNextPage(request: Request, operation: string): boolean {
  const body = request.postData() ?? '';
  return body.includes(`query ${operation}(`) && /"nextToken":"/.test(body);
}

const isFirstPage = (request: Request, operation: string) => (request.postData() ?? '').includes(`query ${operation}(`) && !isNextPage(request, operation);

/** Holds the browser's next-page request of `operation` until `release()`. */
async function holdNextPage(page: Page, graphqlUrl: string, operation: string) {
  let arrived!: () => void;
  let release!: () => void;
  const seen = new Promise<void>((resolve) => (arrived = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const matcher = (url: URL) => url.href.startsWith(graphqlUrl);
  await page.route(matcher, async (route) => {
    if (isNextPage(route.request(), operation)) {
      arrived();
      await released;
    }
    await route.continue();
  });
  // Waits for the handlers still running (the held request's) before removing the route.
  return { seen, release, stop: () => page.unrouteAll({ behavior: 'wait' }) };
}

/**
 * Starts counting the elements matching `selector` after every DOM change and returns a reader of
 * the lowest count seen: a list that re-reads its first page drops the later pages for a moment
 * (and may load them again when its end scrolls into view), which the final state alone hides.
 */
async function watchLowest(page: Page, selector: string): Promise<() => Promise<number>> {
  await page.evaluate((sel) => {
    const w = window as unknown as { lowest: number; watcher?: MutationObserver };
    w.watcher?.disconnect();
    w.lowest = document.querySelectorAll(sel).length;
    w.watcher = new MutationObserver(() => (w.lowest = Math.min(w.lowest, document.querySelectorAll(sel).length)));
    w.watcher.observe(document.body, { childList: true, subtree: true });
  }, selector);
  return () => page.evaluate(() => (window as unknown as { lowest: number }).lowest);
}

describe.skipIf(skipBrowserTests)('paged lists stay whole while they change live', () => {
  let app: App;
  let api: SeedApi;
  let page: Page;
  let consoleErrors: string[];
  let threadId = '';

  beforeAll(async () => {
    app = await startApp();
    // New accounts through the public sign-up path, so the recipient's lists hold only what this test sends.
    await seedDemoUsers(app.stack.cognito, [recipient, ...peers]);
    api = createSeedApi({ graphqlUrl: app.stack.urls.graphql, cognitoUrl: app.stack.cognito.url, clientId: app.stack.cognito.clientId, users: [recipient, ...peers] });
    ({ page, consoleErrors } = await app.newContext());
    await signIn(page, recipient);
  }, STEP);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `FAILED-paged-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`).catch(() => undefined);
  });

  afterAll(async () => {
    await app?.close();
  }, STEP);

  async function as<T>(handle: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await api.asUser(handle)<T>(query, variables);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }

  /** Loads the next page with its request held, runs `live` meanwhile, then lets the page land. */
  async function loadMoreWhile(operation: string, button: string, live: () => Promise<void>): Promise<void> {
    const hold = await holdNextPage(page, app.stack.urls.graphql, operation);
    // The list may ask for the next page by itself when its end scrolls near; otherwise ask.
    const asked = await Promise.race([hold.seen.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
    if (!asked) await page.getByRole('button', { name: button }).click();
    await hold.seen;
    await live();
    hold.release();
    await hold.stop();
  }

  it('notifications: a live one while the next page loads, and with every page loaded', async () => {
    for (let i = 1; i <= PAGE + 5; i++) await as('peer01', POST, { m: `Ping ${i} @pager` });
    await app.stack.dynamo.streams.idle();
    await page.goto('/notifications');
    const pings = page.getByRole('list', { name: 'Notifications' }).locator('.notification-quote');
    await expect.poll(() => pings.count(), LIVE).toBe(PAGE);

    await loadMoreWhile('Notifications', 'Load more', async () => {
      // The event carries no actor: the list re-reads its newest page while the next one is held.
      const newest = page.waitForRequest((r) => isFirstPage(r, 'Notifications'), LIVE);
      await as('peer01', POST, { m: `Ping ${PAGE + 6} @pager` });
      await newest;
    });
    const expected = (n: number) => Array.from({ length: n }, (_, i) => `Ping ${n - i} @pager`);
    await expect.poll(() => pings.allTextContents(), LIVE).toEqual(expected(PAGE + 6));

    // Every page loaded: the next live one goes on top and nothing loaded is dropped, not even for a moment.
    const lowest = await watchLowest(page, '.notification-quote');
    await as('peer01', POST, { m: `Ping ${PAGE + 7} @pager` });
    await expect.poll(() => pings.allTextContents(), LIVE).toEqual(expected(PAGE + 7));
    expect(await lowest()).toBe(PAGE + 6);
    await screenshot(page, 'paged-notifications');
  }, STEP);

  it('inbox: a conversation beyond the loaded pages and one on a loaded later page move to the top, once', async () => {
    // peer01 writes first (the thread of the next test), then everyone else: peer01 and peer02 are on the second page.
    for (let i = 1; i <= PAGE + 5; i++) threadId = (await as<{ sendMessage: { conversationId: string } }>('peer01', SEND, { to: 'pager', body: `Thread ${i}` })).sendMessage.conversationId;
    for (const p of peers.slice(1)) await as(p.handle, SEND, { to: 'pager', body: `Hello from ${p.handle}` });
    await page.goto('/messages');
    const inbox = page.getByRole('navigation', { name: 'Conversations' });
    const names = inbox.locator('.conversation .handle');
    await expect.poll(() => names.count(), LIVE).toBe(PAGE);
    const order = (handles: string[]) => handles.map((h) => ` @${h}`);
    const newestFirst = peers.slice(1).map((p) => p.handle).reverse();
    expect(await names.allTextContents()).toEqual(order(newestFirst.slice(0, PAGE)));

    await loadMoreWhile('Conversations', 'Load more', async () => {
      // The event has reached the browser when the nav's unread badge re-reads its count.
      const arrived = page.waitForRequest((r) => (r.postData() ?? '').includes('query UnreadConversations'), LIVE);
      await as('peer01', SEND, { to: 'pager', body: `Thread ${PAGE + 6}` });
      await arrived;
    });
    await expect.poll(() => names.allTextContents(), LIVE).toEqual(order(['peer01', ...newestFirst]));
    const entry = (handle: string) => inbox.getByRole('link').filter({ hasText: `@${handle}` });
    await expect.poll(() => entry('peer01').locator('.conversation-last').textContent(), LIVE).toBe(`Thread ${PAGE + 6}`);

    // Every page loaded: peer02 (on the second page) writes again and moves up, with two unread.
    const lowest = await watchLowest(page, '.conversation .handle');
    await as('peer02', SEND, { to: 'pager', body: 'Hello again' });
    await expect.poll(() => names.allTextContents(), LIVE).toEqual(order(['peer02', 'peer01', ...newestFirst.filter((h) => h !== 'peer02')]));
    expect(await lowest()).toBe(PEERS);
    await expect.poll(() => entry('peer02').getByLabel('2 unread').count(), LIVE).toBe(1);
    await screenshot(page, 'paged-inbox');
  }, STEP);

  it('a thread: a live message while earlier messages load reaches the thread and the inbox from one cache', async () => {
    await page.goto(`/messages/${threadId}`);
    const bodies = page.getByRole('list', { name: 'Messages' }).locator('.message-bubble p');
    await expect.poll(() => bodies.count(), LIVE).toBe(PAGE);
    const inboxLast = page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('link')
      .filter({ hasText: '@peer01' })
      .locator('.conversation-last');

    await loadMoreWhile('Messages', 'Load earlier messages', async () => {
      await as('peer01', SEND, { to: 'pager', body: `Thread ${PAGE + 7}` });
      // The inbox shows it at once; the thread takes it once its earlier page is in.
      await expect.poll(() => inboxLast.textContent(), LIVE).toBe(`Thread ${PAGE + 7}`);
    });
    const oldestFirst = (n: number) => Array.from({ length: n }, (_, i) => `Thread ${i + 1}`);
    await expect.poll(() => bodies.allTextContents(), LIVE).toEqual(oldestFirst(PAGE + 7));

    await as('peer01', SEND, { to: 'pager', body: `Thread ${PAGE + 8}` });
    await expect.poll(() => bodies.allTextContents(), LIVE).toEqual(oldestFirst(PAGE + 8));
    await expect.poll(() => inboxLast.textContent(), LIVE).toBe(`Thread ${PAGE + 8}`);
    // The open thread sends read receipts: its inbox entry shows no unread count.
    const peer01 = page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').filter({ hasText: '@peer01' });
    await expect.poll(() => peer01.locator('.badge').count(), LIVE).toBe(0);
    expect(consoleErrors).toEqual([]);
  }, STEP);
});
