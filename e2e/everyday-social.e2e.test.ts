/**
 * Finding people and keeping up, in Chromium on the real offline stack: search by name with
 * typeahead, search reachable on a 390 px phone, the unread-messages badge on desktop and phone,
 * conversations using the width, and profiles with follower/following lists and Cruds, Replies
 * and Likes sections.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { demoUsers } from '../definitions/demo-users.ts';
import { operationFor, signIn as apiSignIn } from '../seed/api.ts';
import { skipBrowserTests } from './chromium.ts';
import { screenshot, signIn, startApp, type App } from './harness.ts';

const LIVE = { timeout: 15_000 };
const STEP = 120_000;
const PHONE = { width: 390, height: 844 };

describe.skipIf(skipBrowserTests)('finding people and keeping up', () => {
  let app: App;
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startApp();
    ({ page, context } = await app.newContext());
    await signIn(page, 'andrewbrown');
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `FAILED-social-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`).catch(() => undefined);
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
  }, STEP);

  const nav = () => page.getByRole('navigation', { name: 'Main' });

  it('suggests people by display name while typing in the search box; Enter opens the picked profile', async () => {
    await page.goto('/explore');
    const box = page.getByRole('search').getByRole('combobox', { name: 'Search people by name or handle' });
    await box.fill('londo mol');
    const list = page.getByRole('listbox', { name: 'Suggested people' });
    await list.getByRole('option').filter({ hasText: 'Londo Mollari' }).waitFor(LIVE);
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/@londo$/, LIVE);
  }, STEP);

  it('finds a person by their last name (any word of the name), accents folded, in the search box', async () => {
    await page.goto('/explore');
    const box = page.getByRole('search').getByRole('combobox', { name: 'Search people by name or handle' });
    await box.fill('mollari');
    const list = page.getByRole('listbox', { name: 'Suggested people' });
    await list.getByRole('option').filter({ hasText: 'Londo Mollari' }).waitFor(LIVE);
    await box.fill('MÖLLA');
    await list.getByRole('option').filter({ hasText: 'Londo Mollari' }).waitFor(LIVE);
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/@londo$/, LIVE);
  }, STEP);

  it('reaches search from the nav on a 390 px phone and finds people by name', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/');
    const search = nav().getByRole('link', { name: 'Search' });
    expect(await search.isVisible()).toBe(true);
    await search.click();
    await page.waitForURL(/\/search$/, LIVE);
    const box = page.getByRole('main').getByRole('combobox', { name: 'Search people by name or handle' });
    await box.fill('Andrew Bay');
    await box.press('Enter');
    await page.getByRole('list', { name: 'People' }).getByRole('link', { name: /Andrew Bayko/ }).waitFor(LIVE);
    // The bottom bar still holds every entry, Search included, at 390 and 360 px.
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 800 });
      const bar = await page.evaluate(() => {
        const header = document.querySelector('.nav-column')!;
        const controls = [...header.querySelectorAll('a, summary')].map((e) => e.getBoundingClientRect());
        return { fits: header.scrollWidth <= header.clientWidth, inside: controls.every((r) => r.left >= 0 && r.right <= window.innerWidth) };
      });
      expect(bar, `${width}px`).toEqual({ fits: true, inside: true });
    }
    // A crud's actions (reply … menu) stay on one row of a 360 px phone, the author's own included.
    await page.goto('/');
    await page.getByRole('feed').getByRole('article').first().waitFor(LIVE);
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('.crud-actions')].map((row) => new Set([...row.querySelectorAll('.action')].map((a) => Math.round(a.getBoundingClientRect().top))).size),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((n) => n === 1)).toBe(true);
  }, STEP);

  it('shows unread conversations on the Messages link, desktop and phone, until read; conversations use the width', async () => {
    const bayko = demoUsers.find((u) => u.handle === 'bayko')!;
    const op = operationFor(app.stack.urls.graphql, await apiSignIn(app.stack.cognito.url, app.stack.cognito.clientId, bayko));
    // Start from an inbox with nothing unread (the demo data leaves some).
    const andrew = demoUsers.find((u) => u.handle === 'andrewbrown')!;
    const mine = operationFor(app.stack.urls.graphql, await apiSignIn(app.stack.cognito.url, app.stack.cognito.clientId, andrew));
    const inbox = await mine<{ conversations: { items: { id: string }[] } }>('{ conversations(limit: 50) { items { id } } }');
    for (const c of inbox.data!.conversations.items) await mine('mutation R($id: ID!) { markConversationRead(conversationId: $id) { id } }', { id: c.id });
    await page.goto('/explore');
    await nav().getByRole('link', { name: 'Messages', exact: true }).waitFor(LIVE);
    const sent = await op('mutation { sendMessage(toHandle: "andrewbrown", body: "Are you there?") { conversationId } }');
    expect(sent.errors).toBeUndefined();
    await nav().getByRole('link', { name: 'Messages 1 unread' }).waitFor(LIVE);
    await page.setViewportSize(PHONE);
    expect(await nav().getByRole('link', { name: 'Messages 1 unread' }).isVisible()).toBe(true);
    await page.setViewportSize({ width: 1200, height: 900 });

    await nav().getByRole('link', { name: /^Messages/ }).click();
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first().click();
    await page.getByRole('list', { name: 'Messages' }).getByText('Are you there?').waitFor(LIVE);
    await nav().getByRole('link', { name: 'Messages', exact: true }).waitFor(LIVE);
    // No sidebar (search, Trending) beside a conversation: the main column takes its width.
    expect(await page.getByRole('complementary', { name: 'Search and more' }).count()).toBe(0);
    const main = (await page.getByRole('main').boundingBox())!;
    expect(main.width).toBeGreaterThan(800);
  }, STEP);

  it('links the follower counts to the lists, and shows Cruds, Replies and (own) Likes sections', async () => {
    await page.goto('/@andrewbrown');
    const counts = page.getByRole('list', { name: 'Counts' });
    await counts.getByRole('link', { name: /Followers/ }).click();
    await page.waitForURL(/\/@andrewbrown\/followers$/, LIVE);
    await page.getByRole('list', { name: 'Followers of @andrewbrown' }).getByRole('link', { name: /@altbrown/ }).waitFor(LIVE);
    await page.getByRole('navigation', { name: 'Follow lists' }).getByRole('link', { name: 'Following' }).click();
    await page.waitForURL(/\/@andrewbrown\/following$/, LIVE);
    await page.getByRole('list', { name: 'People @andrewbrown follows' }).waitFor({ state: 'attached', ...LIVE });

    // Like someone's new crud, then find it under the own profile's Likes.
    const bayko = demoUsers.find((u) => u.handle === 'bayko')!;
    const op = operationFor(app.stack.urls.graphql, await apiSignIn(app.stack.cognito.url, app.stack.cognito.clientId, bayko));
    expect((await op('mutation { createCrud(message: "Like this one for the Likes tab") { id } }')).errors).toBeUndefined();
    await page.goto('/@bayko');
    const sections = page.getByRole('navigation', { name: 'Profile sections' });
    await sections.getByRole('link', { name: 'Cruds' }).waitFor(LIVE);
    expect(await sections.getByRole('link', { name: 'Likes' }).count()).toBe(0);
    const first = page.getByRole('feed', { name: 'Cruds by @bayko' }).getByRole('article').filter({ hasText: 'Like this one for the Likes tab' });
    await first.waitFor(LIVE);
    const text = 'Like this one for the Likes tab';
    await first.getByRole('button', { name: /^Like/ }).click();
    await expect.poll(() => first.getByRole('button', { name: /^Like/ }).getAttribute('aria-pressed'), LIVE).toBe('true');
    await page.goto('/@andrewbrown');
    await page.getByRole('navigation', { name: 'Profile sections' }).getByRole('link', { name: 'Likes' }).click();
    await page.waitForURL(/\/@andrewbrown\/likes$/, LIVE);
    await page.getByRole('feed', { name: 'Cruds you liked' }).getByText(text, { exact: true }).waitFor(LIVE);

    // A reply shows under Replies, saying whom it answers.
    await page.goto('/@bayko');
    await page.getByRole('feed', { name: 'Cruds by @bayko' }).getByRole('link', { name: 'Open crud by @bayko' }).first().click();
    const reply = page.getByRole('form', { name: 'Reply' });
    await reply.getByRole('textbox', { name: 'Your reply' }).fill('Replying for the Replies tab');
    await reply.getByRole('button', { name: 'Reply' }).click();
    await page.getByRole('feed', { name: 'Replies' }).getByText('Replying for the Replies tab').waitFor(LIVE);
    await page.goto('/@andrewbrown/replies');
    const card = page.getByRole('feed', { name: 'Replies by @andrewbrown' }).getByRole('article').filter({ hasText: 'Replying for the Replies tab' });
    await card.waitFor(LIVE);
    expect(await card.getByText('Replying to').textContent()).toBe('Replying to @bayko');
  }, STEP);
});
