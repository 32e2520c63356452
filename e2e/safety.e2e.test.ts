/**
 * Trust and safety in a real browser against the real offline stack: Unicode hashtag links, the
 * thread of a deleted crud, grouped notifications, block and mute from profiles and crud menus
 * with the Settings lists, the profile of an account that blocks the viewer, and bookmarks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoUsers } from '../definitions/demo-users.ts';
import { createSeedApi, type SeedApi } from '../seed/api.ts';
import { skipBrowserTests } from './chromium.ts';
import { screenshot, STEP, useBrowserSuite } from './harness.ts';

const LIVE = { timeout: 20_000 };

describe.skipIf(skipBrowserTests)('trust and safety in the browser', () => {
  const suite = useBrowserSuite({ name: 'safety', signIn: 'andrewbrown' });
  let page: Page;
  let consoleErrors: string[];
  let api: SeedApi;

  beforeAll(() => {
    ({ page, consoleErrors } = suite);
    page.on('dialog', (d) => void d.accept());
    api = createSeedApi({ graphqlUrl: suite.app.stack.urls.graphql, cognitoUrl: suite.app.stack.cognito.url, clientId: suite.app.stack.cognito.clientId, users: demoUsers });
  });

  async function op<T = any>(handle: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await api.asUser(handle)<T>(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data as T;
  }
  const post = async (handle: string, message: string): Promise<string> => (await op(handle, 'mutation C($m: String!) { createCrud(message: $m) { id } }', { m: message })).createCrud.id;
  const idle = () => suite.app.stack.dynamo.streams.idle();

  it('links #café to its page, which lists the crud', async () => {
    const text = 'Coffee time #café #naïve_tag';
    const id = await post('andrewbrown', text);
    await idle();
    await page.goto(`/@andrewbrown/status/${id}`);
    await page.getByRole('link', { name: '#café' }).first().click();
    await page.waitForURL(/\/hashtag\/caf%C3%A9$/, LIVE);
    await page.getByRole('feed', { name: 'Cruds tagged #café' }).getByText(text).waitFor(LIVE);
  }, STEP);

  it('turns a crud deleted while its thread is open into a tombstone without a reply box, keeping the replies', async () => {
    const id = await post('bayko', 'bayko will delete this');
    await op('londo', 'mutation R($id: ID!) { replyToCrud(crudId: $id, message: "londo’s reply survives") { id } }', { id });
    await idle();
    await page.goto(`/@bayko/status/${id}`);
    const replyBox = page.getByRole('textbox', { name: /reply/i });
    await replyBox.waitFor(LIVE);
    await op('bayko', 'mutation D($id: ID!) { deleteCrud(id: $id) }', { id });
    await page.getByText('This crud was deleted.').waitFor(LIVE);
    await expect.poll(() => replyBox.count(), LIVE).toBe(0);
    await page.getByText('londo’s reply survives').waitFor(LIVE);
    await page.reload();
    await page.getByText('This crud was deleted.').waitFor(LIVE);
    await page.getByText('londo’s reply survives').waitFor(LIVE);
    expect(await page.getByRole('textbox', { name: /reply/i }).count()).toBe(0);
  }, STEP);

  it('shows one grouped notification for many likes of a crud, however often a like is toggled', async () => {
    const message = 'group my likes please';
    const id = await post('andrewbrown', message);
    for (const verb of ['likeCrud', 'unlikeCrud', 'likeCrud', 'unlikeCrud', 'likeCrud']) await op('bayko', `mutation L($id: ID!) { ${verb}(id: $id) { id } }`, { id });
    await op('londo', 'mutation L($id: ID!) { likeCrud(id: $id) { id } }', { id });
    await idle();
    await page.goto('/notifications');
    const entries = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').filter({ hasText: message });
    await entries.first().waitFor(LIVE);
    expect(await entries.count()).toBe(1);
    await expect.poll(() => entries.first().textContent(), LIVE).toMatch(/ and .* liked your crud/);
  }, STEP);

  it('blocks from a profile and unblocks from Settings', async () => {
    await page.goto('/@londo');
    await page.getByRole('button', { name: 'Block' }).click();
    await page.getByRole('button', { name: 'Unblock' }).waitFor(LIVE);
    expect(await page.getByRole('button', { name: 'Follow' }).count()).toBe(0);
    await page.goto('/settings');
    const blocked = page.getByRole('list', { name: 'Blocked accounts' });
    await blocked.getByText('@londo').waitFor(LIVE);
    await page.getByRole('button', { name: 'Unblock @londo' }).click();
    await page.getByText('You block nobody.').waitFor(LIVE);
  }, STEP);

  it('a profile that blocks the viewer says so, without Follow, Message or its cruds; a reply’s thread hides its parent', async () => {
    const text = 'londo posts before blocking andrew';
    const parent = await post('londo', text);
    const answer = (await op('andrewbrown', 'mutation R($id: ID!) { replyToCrud(crudId: $id, message: "andrew answers londo") { id } }', { id: parent })).replyToCrud.id;
    await op('londo', 'mutation { block(handle: "andrewbrown") { id } }');
    await idle();
    await page.goto('/@londo');
    await page.getByText('@londo blocks you: you can’t follow them, message them or see their cruds.').waitFor(LIVE);
    expect(await page.getByRole('button', { name: 'Follow' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Message', exact: true }).count()).toBe(0);
    expect(await page.getByText(text).count()).toBe(0);
    // Search does not suggest the blocker.
    const search = await op('andrewbrown', '{ searchUsers(prefix: "lon") { handle } }');
    expect(search.searchUsers).toEqual([]);
    await screenshot(page, 'profile-blocks-viewer');
    // The thread of andrew's own reply no longer shows the blocker's parent.
    await page.goto(`/@andrewbrown/status/${answer}`);
    await page.getByText('andrew answers londo').waitFor(LIVE);
    await page.getByText('This crud is unavailable.').waitFor(LIVE);
    expect(await page.getByText(text).count()).toBe(0);
    await op('londo', 'mutation { unblock(handle: "andrewbrown") { id } }');
    await page.goto('/@londo');
    await page.getByRole('button', { name: 'Follow' }).waitFor(LIVE);
  }, STEP);

  it('mutes and bookmarks from a crud’s menu; the bookmark has its own page', async () => {
    const text = 'bayko posts something worth keeping';
    const id = await post('bayko', text);
    await idle();
    await page.goto(`/@bayko/status/${id}`);
    const card = page.getByRole('article').filter({ hasText: text });
    await card.getByRole('button', { name: 'More' }).click();
    await card.getByRole('menuitem', { name: 'Bookmark' }).click();
    await card.getByText('Added to your bookmarks').waitFor(LIVE);
    await card.getByRole('button', { name: 'More' }).click();
    await card.getByRole('menuitem', { name: 'Mute @bayko' }).click();
    await card.getByText(/You muted @bayko/).waitFor(LIVE);

    await page.goto('/bookmarks');
    await page.getByRole('feed', { name: 'Bookmarks' }).getByText(text).waitFor(LIVE);
    await page.goto('/settings');
    await page.getByRole('list', { name: 'Muted accounts' }).getByText('@bayko').waitFor(LIVE);
    await page.getByRole('button', { name: 'Unmute @bayko' }).click();
    await page.getByText('You mute nobody.').waitFor(LIVE);
    expect(consoleErrors).toEqual([]);
  }, STEP);
});
