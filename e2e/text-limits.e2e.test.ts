/**
 * The composer's counter in a real browser against the real offline stack: it shows the count
 * the resolvers enforce (definitions/text.ts), so what it allows is what the server stores.
 */
import { describe, expect, it } from 'vitest';
import { skipBrowserTests } from './chromium.ts';
import { LIVE, STEP, useBrowserSuite } from './harness.ts';

describe.skipIf(skipBrowserTests)('character limits in the browser', () => {
  const suite = useBrowserSuite({ name: 'text', signIn: 'andrewbrown' });

  const composer = () => suite.page.getByRole('form', { name: 'New crud' });
  const textbox = () => composer().getByRole('textbox', { name: 'What would you like to say?' });
  const counter = () => composer().locator('#composer-count');
  const crudButton = () => composer().getByRole('button', { name: 'Crud' });

  it('shows 0 left for 240 emoji and posts them; the server stores every one', async () => {
    const message = '😀'.repeat(239);
    await textbox().fill(message);
    await textbox().pressSequentially('🎉');
    await expect.poll(() => counter().textContent(), LIVE).toBe('Characters left: 0');
    expect(await crudButton().isEnabled()).toBe(true);
    await crudButton().click();
    const posted = suite.page.getByRole('feed', { name: 'Home feed' }).getByText(`${message}🎉`, { exact: true });
    await posted.waitFor(LIVE);
    await expect.poll(() => textbox().inputValue(), LIVE).toBe('');
    expect(suite.consoleErrors).toEqual([]);
  }, STEP);

  it('disables Crud at 241 emoji, showing -1', async () => {
    await textbox().fill('😀'.repeat(241));
    await expect.poll(() => counter().textContent(), LIVE).toBe('Characters left: -1');
    expect(await crudButton().isDisabled()).toBe(true);
    await textbox().press('Backspace');
    await expect.poll(() => counter().textContent(), LIVE).toBe('Characters left: 0');
    expect(await crudButton().isEnabled()).toBe(true);
  }, STEP);

  it('disables Crud for text that is blank once invisible characters are set aside', async () => {
    for (const blank of ['\u200B\u200B\u200B', '\u3164', '  \u2060 ']) {
      await textbox().fill(blank);
      await expect.poll(() => crudButton().isDisabled(), LIVE).toBe(true);
    }
    await textbox().fill('\u200Bvisible');
    await expect.poll(() => crudButton().isEnabled(), LIVE).toBe(true);
    await textbox().fill('');
  }, STEP);
});
