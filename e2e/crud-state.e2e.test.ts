/**
 * One crud, many cards: every card showing a crud shows the same viewer state and counters (likes,
 * reposts — the viewer's own and other people's, live), the viewer's repost copy is "You reposted"
 * and leaves with the repost, a refused like is rolled back, and an expired crud leaves every open
 * screen when it expires.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoUsers } from '../definitions/demo-users.ts';
import { createSeedApi, type SeedApi } from '../seed/api.ts';
import { skipBrowserTests } from './chromium.ts';
import { LIVE, screenshot, useBrowserSuite } from './harness.ts';

const STEP = 150_000;
const CREATE = 'mutation C($m: String!) { createCrud(message: $m) { id } }';
const LIKE = 'mutation L($id: ID!) { likeCrud(id: $id) { id } }';

const unique = () => Date.now().toString(36);
const likeButton = (card: Locator) => card.getByRole('button', { name: /^Like \(/ });
const repostButton = (card: Locator) => card.getByRole('button', { name: /^Repost \(/ });

describe.skipIf(skipBrowserTests)('crud cards share one state', () => {
  const suite = useBrowserSuite({ name: 'state', signIn: 'bayko' });
  let api: SeedApi;
  let bayko: Page;
  let consoleErrors: string[];

  beforeAll(() => {
    api = createSeedApi({ graphqlUrl: suite.app.stack.urls.graphql, cognitoUrl: suite.app.stack.cognito.url, clientId: suite.app.stack.cognito.clientId, users: demoUsers });
    ({ page: bayko, consoleErrors } = suite);
  });

  async function post(handle: string, message: string): Promise<string> {
    const res = await api.asUser(handle)<{ createCrud: { id: string } }>(CREATE, { m: message });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    await suite.app.stack.dynamo.streams.idle();
    return res.data.createCrud.id;
  }

  /** Expiries are at least an hour through the API; tests move one in the table. */
  async function setExpiry(crudId: string, epochSeconds: number): Promise<void> {
    await suite.app.stack.dynamo.client.send(
      new UpdateItemCommand({
        TableName: suite.app.stack.dynamo.tableName,
        Key: { pk: { S: `CRUD#${crudId}` }, sk: { S: 'CRUD' } },
        UpdateExpression: 'SET expiresAt = :e',
        ExpressionAttributeValues: { ':e': { N: String(epochSeconds) } },
      }),
    );
  }

  it('likes and reposts: the repost copy and the original agree, live and after unrepost', async () => {
    const message = `Shared state ${unique()}`;
    const crudId = await post('andrewbrown', message); // bayko follows andrewbrown
    await bayko.goto('/');
    const feed = bayko.getByRole('feed', { name: 'Home feed' });
    const cards = feed.getByRole('article').filter({ hasText: message });
    await cards.first().waitFor(LIVE);
    expect(await cards.count()).toBe(1);

    await likeButton(cards.first()).click();
    await expect.poll(() => likeButton(cards.first()).getAttribute('aria-pressed'), LIVE).toBe('true');
    await repostButton(cards.first()).click();
    // The viewer's own repost reaches their feed through fan-out: a second card for the same crud.
    await expect.poll(() => cards.count(), LIVE).toBe(2);
    for (let i = 0; i < 2; i++) {
      await expect.poll(() => likeButton(cards.nth(i)).getAttribute('aria-pressed'), LIVE).toBe('true');
      await expect.poll(() => repostButton(cards.nth(i)).getAttribute('aria-pressed'), LIVE).toBe('true');
      await expect.poll(() => repostButton(cards.nth(i)).getAttribute('aria-label'), LIVE).toBe('Repost (1 reposts)');
    }
    const copy = cards.filter({ hasText: 'You reposted' });
    await copy.waitFor(LIVE);

    // Someone else's like arrives live on both cards.
    const liked = await api.asUser('londo')(LIKE, { id: crudId });
    expect(liked.errors).toBeUndefined();
    for (let i = 0; i < 2; i++) await expect.poll(() => likeButton(cards.nth(i)).getAttribute('aria-label'), LIVE).toBe('Like (2 likes)');
    await screenshot(bayko, 'crud-state-repost-copy');

    // The copy's heart is the same heart: pressing it unlikes, on both cards.
    await likeButton(copy).click();
    for (let i = 0; i < 2; i++) {
      await expect.poll(() => likeButton(cards.nth(i)).getAttribute('aria-pressed'), LIVE).toBe('false');
      await expect.poll(() => likeButton(cards.nth(i)).getAttribute('aria-label'), LIVE).toBe('Like (1 likes)');
    }

    // Unreposting from the original removes the copy and clears the original's repost.
    await repostButton(cards.filter({ hasNotText: 'You reposted' })).click();
    await expect.poll(() => cards.count(), LIVE).toBe(1);
    await expect.poll(() => repostButton(cards.first()).getAttribute('aria-pressed'), LIVE).toBe('false');
    await expect.poll(() => repostButton(cards.first()).getAttribute('aria-label'), LIVE).toBe('Repost (0 reposts)');

    // The server agrees after a reload.
    await suite.app.stack.dynamo.streams.idle();
    await bayko.reload();
    await cards.first().waitFor(LIVE);
    expect(await cards.count()).toBe(1);
    expect(await likeButton(cards.first()).getAttribute('aria-label')).toBe('Like (1 likes)');
    expect(await likeButton(cards.first()).getAttribute('aria-pressed')).toBe('false');
    expect(consoleErrors).toEqual([]);
  }, STEP);

  it('rolls an optimistic like back when the server refuses it', async () => {
    const message = `Refused like ${unique()}`;
    const crudId = await post('andrewbrown', message);
    await bayko.goto('/explore');
    const card = bayko.getByRole('feed', { name: 'Latest cruds' }).getByRole('article').filter({ hasText: message });
    await card.waitFor(LIVE);
    expect(await likeButton(card).getAttribute('aria-label')).toBe('Like (0 likes)');
    // The crud expires on the server a moment after the page read it: the like is refused there.
    await setExpiry(crudId, Math.floor(Date.now() / 1000) - 1);
    await likeButton(card).click();
    await card.getByRole('alert').waitFor(LIVE);
    expect(await likeButton(card).getAttribute('aria-pressed')).toBe('false');
    expect(await likeButton(card).getAttribute('aria-label')).toBe('Like (0 likes)');
  }, STEP);

  it('an expired crud leaves home, profile, hashtag and thread while they are open', async () => {
    const tag = `gone${unique()}`;
    const message = `Short-lived #${tag}`;
    const crudId = await post('bayko', message);
    // Expires 30 s from now.
    const expiresAt = Math.floor(Date.now() / 1000) + 30;
    await setExpiry(crudId, expiresAt);
    const context = bayko.context();
    const pages = {
      home: { path: '/', feed: 'Home feed' },
      profile: { path: '/@bayko', feed: 'Cruds by @bayko' },
      hashtag: { path: `/hashtag/${tag}`, feed: `Cruds tagged #${tag}` },
    };
    const open: { name: string; page: Page; card: Locator }[] = [];
    for (const [name, p] of Object.entries(pages)) {
      const page = name === 'home' ? bayko : await context.newPage();
      await page.goto(p.path);
      const card = page.getByRole('feed', { name: p.feed }).getByRole('article').filter({ hasText: message });
      await card.waitFor(LIVE);
      expect(await card.textContent()).toContain('<1m left');
      open.push({ name, page, card });
    }
    const thread = await context.newPage();
    await thread.goto(`/@bayko/status/${crudId}`);
    await thread.getByText(message).waitFor(LIVE);
    await thread.getByRole('form', { name: 'Reply' }).waitFor(LIVE);

    // Gone from every screen within a few seconds of expiring — not shown as "expired" until reload.
    const deadline = { timeout: expiresAt * 1000 - Date.now() + 8_000 };
    for (const { page, card } of open) {
      await expect.poll(() => card.count(), deadline).toBe(0);
      expect(await page.getByText('This crud is gone.').count()).toBe(0);
    }
    // The tag's only crud is gone, so its page says so.
    expect(await open.find((o) => o.name === 'hashtag')!.page.getByText(`No live cruds use #${tag}.`).count()).toBe(1);
    await expect.poll(() => thread.getByText('This crud has expired.').count(), deadline).toBe(1);
    expect(await thread.getByText(message).count()).toBe(0);
    expect(await thread.getByRole('form', { name: 'Reply' }).count()).toBe(0);
    await screenshot(thread, 'crud-expired-thread');
  }, STEP);
});
