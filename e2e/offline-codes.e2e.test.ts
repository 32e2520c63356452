/**
 * A newcomer's first minutes offline: the confirm and password-reset pages say where the code is
 * (no email is sent), and the link they give leads to it — the sign-up completes with that code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoUsers } from '../definitions/demo-users.ts';
import { skipBrowserTests } from './chromium.ts';
import { screenshot, STEP, useBrowserSuite } from './harness.ts';

const WITHIN = { timeout: 15_000 };

/** Follows the page's "local outbox" link in a new tab; returns the newest code listed there. */
async function codeFromOutboxLink(page: Page, expectedHref: string): Promise<string> {
  const link = page.getByRole('link', { name: 'local outbox' });
  expect(await link.getAttribute('href')).toBe(expectedHref);
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  const { messages } = JSON.parse(await tab.locator('body').innerText()) as { messages: { code: string }[] };
  await tab.close();
  return messages.at(-1)!.code;
}

describe.skipIf(skipBrowserTests)('where the code is, offline', () => {
  const suite = useBrowserSuite({ name: 'codes', page: false });
  let page: Page;

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `FAILED-codes-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`).catch(() => undefined);
  });

  it('the confirm page points to the outbox, and its code confirms the sign-up', async () => {
    ({ page } = await suite.app.newContext());
    const email = 'newcomer@example.com';
    await page.goto('/signup');
    await page.getByLabel('Name').fill('New Comer');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Handle').fill('newcomer');
    await page.getByLabel('Password').fill('Newcomer-Pass-1');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByLabel('Confirmation code').waitFor(WITHIN);
    await expect.poll(() => page.getByText('Running offline: no email is sent.').count(), WITHIN).toBe(1);
    await expect(page.getByText('printed in the npm start console').count()).resolves.toBe(1);
    const code = await codeFromOutboxLink(page, `${suite.app.stack.urls.cognito}/_local/outbox?email=${encodeURIComponent(email)}`);
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('Confirmation code').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(async () => (await nav.getByRole('link', { name: 'Profile' }).count()) + (await page.getByRole('button', { name: 'Sign in' }).count()), WITHIN).toBeGreaterThan(0);
    await screenshot(page, 'offline-code-confirmed');
  }, STEP);

  it('the password-reset page points to the outbox too', async () => {
    ({ page } = await suite.app.newContext());
    const londo = demoUsers.find((u) => u.handle === 'londo')!;
    await page.goto('/forgot');
    await page.getByLabel('Email').fill(londo.email);
    await page.getByRole('button', { name: 'Send recovery code' }).click();
    await page.getByLabel('Recovery code').waitFor(WITHIN);
    const code = await codeFromOutboxLink(page, `${suite.app.stack.urls.cognito}/_local/outbox?email=${encodeURIComponent(londo.email)}`);
    expect(code).toBe(await suite.app.stack.cognito.outbox.latest(londo.email));
    await screenshot(page, 'offline-code-reset');
  }, STEP);
});
