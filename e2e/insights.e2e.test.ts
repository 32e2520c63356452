/**
 * Insights in a real browser on the real offline stack: a new person posts, another likes, reposts
 * and follows (unfollows, follows again); the DynamoDB stream feeds the analytics database; the
 * Insights screen and the hashtag page show the numbers in their table alternatives. Screenshots at
 * 1280 and 390 px go to the system temp dir, to be looked at, not kept.
 */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { skipBrowserTests } from './chromium.ts';
import { LIVE, signIn, signUp, useBrowserSuite } from './harness.ts';

// The stream, the consumer and the database catch up asynchronously: poll, reloading the page.
const EVENTUAL = { timeout: 60_000, intervals: [500, 1000, 2000] };
const STEP = 180_000;
const shotsDir = path.join(os.tmpdir(), 'cruddur-insights-shots');

/** The numeric cells of a table's last row (today, UTC), once the table is on the page. */
async function lastRow(table: Locator): Promise<string[]> {
  const row = table.locator('tbody tr').last();
  // allTextContents does not wait: without this a poll right after a reload reads nothing.
  await row.waitFor({ state: 'attached', timeout: 15_000 });
  return row.locator('td').allTextContents();
}

/** Reloads until `read` returns what is expected (the analytics pipeline is eventually consistent). */
async function pollWithReload<T>(page: Page, read: () => Promise<T>, expected: T): Promise<void> {
  await expect
    .poll(async () => {
      const value = await read().catch(() => undefined);
      if (JSON.stringify(value) !== JSON.stringify(expected)) await page.reload();
      return value;
    }, EVENTUAL)
    .toEqual(expected);
}

describe.skipIf(skipBrowserTests)('Insights in the browser', () => {
  const stamp = Date.now().toString(36);
  const handle = `ins${stamp}`.slice(0, 15);
  const tag = `ins${stamp}`;
  const message = `Counting on Insights ${stamp} #${tag}`;

  const suite = useBrowserSuite({ name: 'insights', page: false });

  it('shows a new person the likes, reposts and follows they got, by day, in tables; switches range; charts the hashtag', async () => {
    const author = await suite.app.newContext();
    const fan = await suite.app.newContext();
    await signUp(suite.app, author.page, { name: 'Insight Seeker', email: `${handle}@cruddur.test`, handle, password: 'Insights-Pass-1' });
    const composer = author.page.getByRole('form', { name: 'New crud' });
    await composer.getByRole('textbox', { name: 'What would you like to say?' }).fill(message);
    await composer.getByRole('button', { name: 'Crud' }).click();
    await author.page.getByRole('feed', { name: 'Home feed' }).getByText(message).waitFor(LIVE);

    // Another person follows, unfollows and follows again, then likes and reposts the crud.
    await signIn(fan.page, 'altbrown');
    await fan.page.goto(`/@${handle}`);
    const follow = fan.page.getByRole('button', { name: /^(Follow|Unfollow)$/ });
    for (const pressed of ['true', 'false', 'true']) {
      await follow.click();
      await expect.poll(() => follow.getAttribute('aria-pressed'), LIVE).toBe(pressed);
    }
    const crud = fan.page.getByRole('feed', { name: `Cruds by @${handle}` }).getByRole('article').filter({ hasText: message });
    await crud.getByRole('button', { name: /^Like/ }).click();
    await expect.poll(() => crud.getByRole('button', { name: /^Like/ }).getAttribute('aria-pressed'), LIVE).toBe('true');
    await crud.getByRole('button', { name: /^Repost/ }).click();
    await expect.poll(() => crud.getByRole('button', { name: /^Repost/ }).getAttribute('aria-pressed'), LIVE).toBe('true');

    const page = author.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor(LIVE);
    const table = (name: string) => page.getByRole('table', { name });
    // Today's row of each table: 1 crud; 1 like, 1 repost, 0 replies; 2 follows started, 1 ended.
    await pollWithReload(page, () => lastRow(table('Cruds posted per day (UTC)')), ['1']);
    await pollWithReload(page, () => lastRow(table('Engagement received per day (UTC)')), ['1', '1', '0']);
    await pollWithReload(page, () => lastRow(table('Followers per day (UTC)')), ['2', '1']);
    const totals = page.getByRole('region', { name: 'Totals' });
    expect(await totals.locator('dd').allTextContents()).toEqual(['1', '1', '1', '0', '2', '1']);
    expect(await table('Cruds posted per day (UTC)').locator('tbody tr').count()).toBe(7);
    expect(await table('Follower actions by hour (your local time)').locator('tbody tr').count()).toBe(24);
    await expect.poll(() => page.getByRole('region', { name: 'Top cruds' }).getByRole('link', { name: message }).count()).toBe(1);
    expect(await lastRow(table(`Uses of #${tag} per day (UTC)`))).toEqual(['1']);

    // "Show as table" swaps the drawing for the table for sighted users.
    const figure = page.getByRole('figure', { name: 'Cruds posted' });
    await figure.getByRole('button', { name: 'Show as table' }).click();
    expect(await figure.getByRole('button', { name: 'Show as table' }).getAttribute('aria-pressed')).toBe('true');
    expect(await figure.getByRole('table').isVisible()).toBe(true);
    expect(await figure.locator('svg').count()).toBe(0);

    for (const days of [30, 90]) {
      await page.getByRole('radio', { name: `${days} days` }).check();
      await expect.poll(() => table('Cruds posted per day (UTC)').locator('tbody tr').count(), LIVE).toBe(days);
      expect(await lastRow(table('Cruds posted per day (UTC)'))).toEqual(['1']);
      expect(await totals.locator('dd').allTextContents()).toEqual(['1', '1', '1', '0', '2', '1']);
    }
    await page.getByRole('radio', { name: '7 days' }).check();
    await expect.poll(() => table('Cruds posted per day (UTC)').locator('tbody tr').count(), LIVE).toBe(7);
    await page.screenshot({ path: path.join(shotsDir, 'insights-1280.png'), fullPage: true });

    // The hashtag page, for a guest too: the tag's last 7 days.
    const guest = await suite.app.newContext();
    await guest.page.goto(`/hashtag/${tag}`);
    const history = guest.page.getByRole('figure', { name: 'Last 7 days · 1 use' });
    await pollWithReload(guest.page, () => lastRow(history.getByRole('table', { name: `Uses of #${tag} per day (UTC)` })), ['1']);
    expect(await history.locator('svg').count()).toBeGreaterThan(0);
    await guest.page.screenshot({ path: path.join(shotsDir, 'hashtag-1280.png') });

    expect(author.consoleErrors).toEqual([]);
    expect(fan.consoleErrors).toEqual([]);
    expect(guest.consoleErrors).toEqual([]);
    await Promise.all([author.context.close(), fan.context.close(), guest.context.close()]);
  }, STEP);

  it('fits the phone: no sideways scroll on Insights or the hashtag page, and the bottom bar holds every entry at 390 and 360 px', async () => {
    const { page, context, consoleErrors } = await suite.app.newContext();
    await signIn(page, 'andrewbrown');
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const route of ['/insights', '/hashtag/cloud']) {
        await page.goto(route);
        await page.getByRole('figure').first().waitFor(LIVE);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${route} at ${width}px`).toBe(true);
        await page.screenshot({ path: path.join(shotsDir, `${route.split('/')[1]}-${width}.png`), fullPage: true });
      }
      const bar = await page.evaluate(() => {
        const header = document.querySelector('.nav-column')!;
        const controls = [...header.querySelectorAll('a, summary')].map((e) => e.getBoundingClientRect());
        return { fits: header.scrollWidth <= header.clientWidth, inside: controls.every((r) => r.left >= 0 && r.right <= window.innerWidth) };
      });
      expect(bar, `bottom bar at ${width}px`).toEqual({ fits: true, inside: true });
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, STEP);
});
