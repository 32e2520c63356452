/**
 * Finding people and keeping up, in Chromium on the real offline stack: search by name with
 * typeahead, search reachable on a 390 px phone, the unread-messages badge on desktop and phone,
 * conversations using the width, and profiles with follower/following lists and Cruds, Replies
 * and Likes sections.
 */
import { describe, expect, it } from 'vitest';
import { demoUsers } from '../definitions/demo-users.ts';
import { operationFor, signIn as apiSignIn } from '../seed/api.ts';
import { skipBrowserTests } from './chromium.ts';
import { LIVE, STEP, useBrowserSuite } from './harness.ts';

const PHONE = { width: 390, height: 844 };

describe.skipIf(skipBrowserTests)('finding people and keeping up', () => {
  const suite = useBrowserSuite({ name: 'social', signIn: 'andrewbrown', afterEachTest: (s) => s.page.setViewportSize({ width: 1200, height: 900 }) });

  const nav = () => suite.page.getByRole('navigation', { name: 'Main' });

  it('suggests people by display name while typing in the search box; Enter opens the picked profile', async () => {
    await suite.page.goto('/explore');
    const box = suite.page.getByRole('search').getByRole('combobox', { name: 'Search people by name or handle' });
    await box.fill('londo mol');
    const list = suite.page.getByRole('listbox', { name: 'Suggested people' });
    await list.getByRole('option').filter({ hasText: 'Londo Mollari' }).waitFor(LIVE);
    await box.press('ArrowDown');
    await box.press('Enter');
    await suite.page.waitForURL(/\/@londo$/, LIVE);
  }, STEP);

  it('finds a person by their last name (any word of the name), accents folded, in the search box', async () => {
    await suite.page.goto('/explore');
    const box = suite.page.getByRole('search').getByRole('combobox', { name: 'Search people by name or handle' });
    await box.fill('mollari');
    const list = suite.page.getByRole('listbox', { name: 'Suggested people' });
    await list.getByRole('option').filter({ hasText: 'Londo Mollari' }).waitFor(LIVE);
    await box.fill('MÖLLA');
    await list.getByRole('option').filter({ hasText: 'Londo Mollari' }).waitFor(LIVE);
    await box.press('ArrowDown');
    await box.press('Enter');
    await suite.page.waitForURL(/\/@londo$/, LIVE);
  }, STEP);

  it('reaches search from the nav on a 390 px phone and finds people by name', async () => {
    await suite.page.setViewportSize(PHONE);
    await suite.page.goto('/');
    const search = nav().getByRole('link', { name: 'Search' });
    expect(await search.isVisible()).toBe(true);
    await search.click();
    await suite.page.waitForURL(/\/search$/, LIVE);
    const box = suite.page.getByRole('main').getByRole('combobox', { name: 'Search people by name or handle' });
    await box.fill('Andrew Bay');
    await box.press('Enter');
    await suite.page.getByRole('list', { name: 'People' }).getByRole('link', { name: /Andrew Bayko/ }).waitFor(LIVE);
    // The bottom bar still holds every entry, Search included, at 390 and 360 px.
    for (const width of [390, 360]) {
      await suite.page.setViewportSize({ width, height: 800 });
      const bar = await suite.page.evaluate(() => {
        const header = document.querySelector('.nav-column')!;
        const controls = [...header.querySelectorAll('a, summary')].map((e) => e.getBoundingClientRect());
        return { fits: header.scrollWidth <= header.clientWidth, inside: controls.every((r) => r.left >= 0 && r.right <= window.innerWidth) };
      });
      expect(bar, `${width}px`).toEqual({ fits: true, inside: true });
    }
    // A crud's actions (reply … menu) stay on one row of a 360 px phone, the author's own included.
    await suite.page.goto('/');
    await suite.page.getByRole('feed').getByRole('article').first().waitFor(LIVE);
    const rows = await suite.page.evaluate(() =>
      [...document.querySelectorAll('.crud-actions')].map((row) => new Set([...row.querySelectorAll('.action')].map((a) => Math.round(a.getBoundingClientRect().top))).size),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((n) => n === 1)).toBe(true);
  }, STEP);

  it('shows unread conversations on the Messages link, desktop and phone, until read; conversations use the width', async () => {
    const bayko = demoUsers.find((u) => u.handle === 'bayko')!;
    const op = operationFor(suite.app.stack.urls.graphql, await apiSignIn(suite.app.stack.cognito.url, suite.app.stack.cognito.clientId, bayko));
    // Start from an inbox with nothing unread (the demo data leaves some).
    const andrew = demoUsers.find((u) => u.handle === 'andrewbrown')!;
    const mine = operationFor(suite.app.stack.urls.graphql, await apiSignIn(suite.app.stack.cognito.url, suite.app.stack.cognito.clientId, andrew));
    const inbox = await mine<{ conversations: { items: { id: string }[] } }>('{ conversations(limit: 50) { items { id } } }');
    for (const c of inbox.data!.conversations.items) await mine('mutation R($id: ID!) { markConversationRead(conversationId: $id) { id } }', { id: c.id });
    await suite.page.goto('/explore');
    await nav().getByRole('link', { name: 'Messages', exact: true }).waitFor(LIVE);
    const sent = await op('mutation { sendMessage(toHandle: "andrewbrown", body: "Are you there?") { conversationId } }');
    expect(sent.errors).toBeUndefined();
    await nav().getByRole('link', { name: 'Messages 1 unread' }).waitFor(LIVE);
    await suite.page.setViewportSize(PHONE);
    expect(await nav().getByRole('link', { name: 'Messages 1 unread' }).isVisible()).toBe(true);
    await suite.page.setViewportSize({ width: 1200, height: 900 });

    await nav().getByRole('link', { name: /^Messages/ }).click();
    await suite.page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first().click();
    await suite.page.getByRole('list', { name: 'Messages' }).getByText('Are you there?').waitFor(LIVE);
    await nav().getByRole('link', { name: 'Messages', exact: true }).waitFor(LIVE);
    // No sidebar (search, Trending) beside a conversation: the main column takes its width.
    expect(await suite.page.getByRole('complementary', { name: 'Search and more' }).count()).toBe(0);
    const main = (await suite.page.getByRole('main').boundingBox())!;
    expect(main.width).toBeGreaterThan(800);
  }, STEP);

  it('links the follower counts to the lists, and shows Cruds, Replies and (own) Likes sections', async () => {
    await suite.page.goto('/@andrewbrown');
    const counts = suite.page.getByRole('list', { name: 'Counts' });
    await counts.getByRole('link', { name: /Followers/ }).click();
    await suite.page.waitForURL(/\/@andrewbrown\/followers$/, LIVE);
    await suite.page.getByRole('list', { name: 'Followers of @andrewbrown' }).getByRole('link', { name: /@altbrown/ }).waitFor(LIVE);
    await suite.page.getByRole('navigation', { name: 'Follow lists' }).getByRole('link', { name: 'Following' }).click();
    await suite.page.waitForURL(/\/@andrewbrown\/following$/, LIVE);
    await suite.page.getByRole('list', { name: 'People @andrewbrown follows' }).waitFor({ state: 'attached', ...LIVE });

    // Like someone's new crud, then find it under the own profile's Likes.
    const bayko = demoUsers.find((u) => u.handle === 'bayko')!;
    const op = operationFor(suite.app.stack.urls.graphql, await apiSignIn(suite.app.stack.cognito.url, suite.app.stack.cognito.clientId, bayko));
    expect((await op('mutation { createCrud(message: "Like this one for the Likes tab") { id } }')).errors).toBeUndefined();
    await suite.page.goto('/@bayko');
    const sections = suite.page.getByRole('navigation', { name: 'Profile sections' });
    await sections.getByRole('link', { name: 'Cruds' }).waitFor(LIVE);
    expect(await sections.getByRole('link', { name: 'Likes' }).count()).toBe(0);
    const first = suite.page.getByRole('feed', { name: 'Cruds by @bayko' }).getByRole('article').filter({ hasText: 'Like this one for the Likes tab' });
    await first.waitFor(LIVE);
    const text = 'Like this one for the Likes tab';
    await first.getByRole('button', { name: /^Like/ }).click();
    await expect.poll(() => first.getByRole('button', { name: /^Like/ }).getAttribute('aria-pressed'), LIVE).toBe('true');
    await suite.page.goto('/@andrewbrown');
    await suite.page.getByRole('navigation', { name: 'Profile sections' }).getByRole('link', { name: 'Likes' }).click();
    await suite.page.waitForURL(/\/@andrewbrown\/likes$/, LIVE);
    await suite.page.getByRole('feed', { name: 'Cruds you liked' }).getByText(text, { exact: true }).waitFor(LIVE);

    // A reply shows under Replies, saying whom it answers.
    await suite.page.goto('/@bayko');
    await suite.page.getByRole('feed', { name: 'Cruds by @bayko' }).getByRole('link', { name: 'Open crud by @bayko' }).first().click();
    const reply = suite.page.getByRole('form', { name: 'Reply' });
    await reply.getByRole('textbox', { name: 'Your reply' }).fill('Replying for the Replies tab');
    await reply.getByRole('button', { name: 'Reply' }).click();
    await suite.page.getByRole('feed', { name: 'Replies' }).getByText('Replying for the Replies tab').waitFor(LIVE);
    await suite.page.goto('/@andrewbrown/replies');
    const card = suite.page.getByRole('feed', { name: 'Replies by @andrewbrown' }).getByRole('article').filter({ hasText: 'Replying for the Replies tab' });
    await card.waitFor(LIVE);
    expect(await card.getByText('Replying to').textContent()).toBe('Replying to @bayko');
  }, STEP);
});
