/**
 * Sessions follow the browser, not the tab: signing out in one tab sends the other tabs to sign-in
 * (with a notice, and back to where they were afterwards); signing in again in one tab signs the
 * waiting tabs in too.
 */
import { describe, expect, it } from 'vitest';
import { skipBrowserTests } from './chromium.ts';
import { LIVE, screenshot, signIn, STEP, useBrowserSuite } from './harness.ts';

describe.skipIf(skipBrowserTests)('sessions across tabs', () => {
  const suite = useBrowserSuite({ name: 'sessions', page: false });

  it('sign-out in one tab redirects the other to sign-in; sign-in brings it back', async () => {
    const { context, page: first, consoleErrors } = await suite.app.newContext();
    await signIn(first, 'bayko');
    const second = await context.newPage();
    await second.goto('/notifications');
    await second.getByRole('list', { name: 'Notifications' }).waitFor(LIVE);

    await first.getByText('Account', { exact: true }).click();
    await first.getByRole('button', { name: 'Sign out', exact: true }).click();

    // The other tab notices by itself: no click, no reload.
    await expect.poll(() => new URL(second.url()).pathname, LIVE).toBe('/signin');
    expect(new URL(second.url()).searchParams.get('next')).toBe('/notifications');
    await second.getByText('You were signed out in another tab.').waitFor(LIVE);
    await screenshot(second, 'session-ended-elsewhere');

    // Signing in again in the first tab takes the waiting tab back to where it was.
    await signIn(first, 'bayko');
    await expect.poll(() => new URL(second.url()).pathname, LIVE).toBe('/notifications');
    await second.getByRole('list', { name: 'Notifications' }).waitFor(LIVE);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, STEP);
});
