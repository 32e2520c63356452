/**
 * Ending sessions from the browser: "Sign out everywhere" in one browser makes the API refuse the
 * session another browser still holds; "Delete account…" removes the profile and frees the handle.
 * The revocation bound is shortened through the authorizer's USER_TTL_SECONDS (production: 60 s).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests } from './chromium.ts';
import { LIVE, screenshot, signIn, STEP, useBrowserSuite } from './harness.ts';

/** The access token Amplify keeps in localStorage for the signed-in user. */
async function storedAccessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('CognitoIdentityServiceProvider.') && k.endsWith('.accessToken'));
    return key ? localStorage.getItem(key) : null;
  });
  if (!token) throw new Error('no access token in localStorage');
  return token;
}

describe.skipIf(skipBrowserTests)('ending sessions in the browser', () => {
  const me = (token: string) =>
    fetch(suite.app.stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query: '{ me { handle } }' }) });

  const suite = useBrowserSuite({ name: 'revocation', page: false, app: { functionVariables: { authorizer: { USER_TTL_SECONDS: '1' } } } });

  it("signs out everywhere: the other browser's session is refused by the API", async () => {
    const here = await suite.app.newContext();
    const elsewhere = await suite.app.newContext();
    await signIn(here.page, 'bayko');
    await signIn(elsewhere.page, 'bayko');
    const otherToken = await storedAccessToken(elsewhere.page);
    expect((await me(otherToken)).status).toBe(200);

    await here.page.getByText('Account', { exact: true }).click();
    await here.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await here.page.getByRole('link', { name: 'Sign in' }).first().waitFor(LIVE);
    await expect.poll(async () => (await me(otherToken)).status, LIVE).toBe(401);
    await screenshot(here.page, 'signed-out-everywhere');
    await here.context.close();
    await elsewhere.context.close();
  }, STEP);

  it('deletes the account after the handle is typed, and frees the handle', async () => {
    const { page, context } = await suite.app.newContext();
    await signIn(page, 'londo');
    const token = await storedAccessToken(page);
    await page.getByText('Account', { exact: true }).click();
    await page.getByRole('button', { name: 'Delete account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account' });
    const confirm = dialog.getByRole('button', { name: 'Delete account' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type londo to confirm').fill('londo');
    await confirm.click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor(LIVE);
    await expect.poll(async () => (await me(token)).status, LIVE).toBe(401);
    const user = await fetch(suite.app.stack.urls.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'guest' },
      body: JSON.stringify({ query: '{ user(handle: "londo") { id } }' }),
    });
    expect(await user.json()).toEqual({ data: { user: null } });
    await context.close();
  }, STEP);
});
