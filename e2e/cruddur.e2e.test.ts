/**
 * Cruddur in a real browser against the real offline stack: what a person does on day one.
 * Two browser contexts stand for two people, so "live" means another browser sees it without reload.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests } from './chromium.ts';
import { LIVE, screenshot, signIn, signUp, STEP, useBrowserSuite } from './harness.ts';

describe.skipIf(skipBrowserTests)('Cruddur in the browser', () => {
  const suite = useBrowserSuite({ name: 'cruddur', page: false });
  let andrew: { page: Page; consoleErrors: string[] };
  let alt: { page: Page; consoleErrors: string[] };
  const stamp = Date.now().toString(36);

  // A failing step leaves a picture of each open page behind, to see what the person would have seen.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const slug = ctx.task.name.replace(/\W+/g, '-').slice(0, 40);
    if (andrew) await screenshot(andrew.page, `FAILED-${slug}-andrew`).catch(() => undefined);
    if (alt) await screenshot(alt.page, `FAILED-${slug}-alt`).catch(() => undefined);
  });

  it('lets a guest browse explore, a profile and a crud, and invites them to sign in', async () => {
    const { page, context, consoleErrors } = await suite.app.newContext();
    await page.goto('/explore');
    const feed = page.getByRole('feed', { name: 'Latest cruds' });
    await expect.poll(() => feed.getByRole('article').count(), LIVE).toBeGreaterThan(2);
    await expect.poll(() => page.getByText('#cruddur').first().isVisible(), LIVE).toBe(true);
    await screenshot(page, 'guest-explore');
    await page.goto('/@andrewbrown');
    await page.getByRole('heading', { level: 1, name: 'Andrew Brown' }).waitFor(LIVE);
    await page.getByRole('feed', { name: 'Cruds by @andrewbrown' }).getByRole('article').first().waitFor(LIVE);
    expect(await page.getByRole('link', { name: 'Sign in' }).first().isVisible()).toBe(true);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, STEP);

  it('signs two demo users in (SRP) and shows a new crud live in the follower’s feed', async () => {
    andrew = await suite.app.newContext();
    alt = await suite.app.newContext();
    await signIn(andrew.page, 'andrewbrown');
    await signIn(alt.page, 'altbrown'); // altbrown follows andrewbrown in the demo data
    await alt.page.getByRole('feed', { name: 'Home feed' }).getByRole('article').first().waitFor(LIVE);

    const message = `Live from the browser ${stamp} #e2e`;
    const composer = andrew.page.getByRole('form', { name: 'New crud' });
    await composer.getByRole('textbox', { name: 'What would you like to say?' }).fill(message);
    await composer.getByRole('button', { name: 'Crud' }).click();
    await andrew.page.getByRole('feed', { name: 'Home feed' }).getByText(message).waitFor(LIVE);

    const altFeed = alt.page.getByRole('feed', { name: 'Home feed' });
    const banner = alt.page.getByRole('button', { name: /Show \d+ new cruds?/ });
    await expect
      .poll(async () => (await altFeed.getByText(message).count()) > 0 || (await banner.count()) > 0, LIVE)
      .toBe(true);
    if (await banner.count()) await banner.click();
    await altFeed.getByText(message).waitFor(LIVE);
    await screenshot(alt.page, 'follower-home-live');
  }, STEP);

  it('notifies the author live when the follower likes the crud', async () => {
    const article = alt.page.getByRole('feed', { name: 'Home feed' }).getByRole('article').filter({ hasText: `Live from the browser ${stamp}` });
    await article.getByRole('button', { name: /^Like/ }).click();
    await expect.poll(() => article.getByRole('button', { name: /^Like/ }).getAttribute('aria-pressed'), LIVE).toBe('true');
    const notificationsLink = andrew.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Notifications.*unread/ });
    await notificationsLink.waitFor(LIVE);
    await notificationsLink.click();
    await andrew.page.getByRole('list', { name: 'Notifications' }).getByText(/liked/i).first().waitFor(LIVE);
    await screenshot(andrew.page, 'author-notifications');
  }, STEP);

  it('delivers a direct message live to the other member', async () => {
    await andrew.page.goto('/@altbrown');
    await andrew.page.getByRole('link', { name: 'Message', exact: true }).click();
    const body = `Hello alt, this is ${stamp}`;
    const form = andrew.page.getByRole('form', { name: 'Send a message' });
    await form.getByRole('textbox', { name: 'Message' }).fill(body);
    await form.getByRole('button', { name: 'Send' }).click();
    await andrew.page.getByRole('list', { name: 'Messages' }).getByText(body).waitFor(LIVE);

    await alt.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Messages/ }).click();
    await alt.page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: /Andrew Brown|andrewbrown/ }).first().click();
    await alt.page.getByRole('list', { name: 'Messages' }).getByText(body).waitFor(LIVE);
    const reply = `Got it ${stamp}`;
    const altForm = alt.page.getByRole('form', { name: 'Send a message' });
    await altForm.getByRole('textbox', { name: 'Message' }).fill(reply);
    await altForm.getByRole('button', { name: 'Send' }).click();
    await andrew.page.getByRole('list', { name: 'Messages' }).getByText(reply).waitFor(LIVE);
    await screenshot(andrew.page, 'messages-live');
  }, STEP);

  it('edits one’s own profile', async () => {
    await andrew.page.goto('/@andrewbrown');
    await andrew.page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = andrew.page.getByRole('dialog', { name: 'Edit profile' });
    const bio = `Building Cruddur offline ${stamp}`;
    await dialog.getByLabel('Bio').fill(bio);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await andrew.page.getByText(bio).waitFor(LIVE);
    await andrew.page.reload();
    await andrew.page.getByText(bio).waitFor(LIVE);
    // Nobody else gets an edit button on this profile.
    await alt.page.goto('/@andrewbrown');
    await alt.page.getByRole('heading', { level: 1, name: 'Andrew Brown' }).waitFor(LIVE);
    expect(await alt.page.getByRole('button', { name: 'Edit profile' }).count()).toBe(0);
    await screenshot(andrew.page, 'profile-edited');
  }, STEP);

  it('signs a new person up with the emailed code, then signs them out', async () => {
    const { page, context, consoleErrors } = await suite.app.newContext();
    const email = `newcomer-${stamp}@cruddur.test`;
    await signUp(suite.app, page, { name: 'New Comer', email, handle: `newcomer${stamp}`.slice(0, 15), password: 'Newcomer-Pass-1' });
    await screenshot(page, 'newcomer-home');
    await page.getByText('Account', { exact: true }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor(LIVE);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, STEP);

  it('raised no console errors in the signed-in sessions', () => {
    expect(andrew.consoleErrors).toEqual([]);
    expect(alt.consoleErrors).toEqual([]);
  });
});
