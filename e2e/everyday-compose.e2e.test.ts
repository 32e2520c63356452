/**
 * Writing and reading cruds the way people expect, in Chromium on the real offline stack: drafts
 * survive a reload until sent, Ctrl/Cmd+Enter posts, the expiry menu resets, replies choose their
 * expiry and say whom they answer, URLs are safe links, clicking a crud's text opens it, @mention
 * typeahead, and the small things (focus after a dialog, no DM to yourself, "@" in the Handle
 * field, a way back from auth pages, a favicon, old-style URLs redirect).
 */
import { describe, expect, it } from 'vitest';
import { skipBrowserTests } from './chromium.ts';
import { LIVE, signUp, STEP, useBrowserSuite } from './harness.ts';

describe.skipIf(skipBrowserTests)('composing and reading cruds', () => {
  const suite = useBrowserSuite({ name: 'compose', signIn: 'andrewbrown' });

  const composer = () => suite.page.getByRole('form', { name: 'New crud' });
  const textbox = () => composer().getByRole('textbox', { name: 'What would you like to say?' });
  const expiry = () => composer().getByRole('combobox', { name: 'Expires after' });
  const homeFeed = () => suite.page.getByRole('feed', { name: 'Home feed' });

  /** Posts from Home and returns the new crud's card. */
  async function post(text: string) {
    await textbox().fill(text);
    await composer().getByRole('button', { name: 'Crud' }).click();
    const card = homeFeed().getByRole('article').filter({ hasText: text }).first();
    await card.waitFor(LIVE);
    return card;
  }

  it('keeps the composer draft across a reload and clears it once posted; Ctrl+Enter posts; the expiry resets', async () => {
    await suite.page.goto('/');
    await textbox().fill('A draft that must survive');
    await suite.page.reload();
    await expect.poll(() => textbox().inputValue(), LIVE).toBe('A draft that must survive');
    await expiry().selectOption('ONE_HOUR');
    await textbox().press('Control+Enter');
    await homeFeed().getByText('A draft that must survive', { exact: true }).waitFor(LIVE);
    await expect.poll(() => textbox().inputValue(), LIVE).toBe('');
    expect(await expiry().inputValue()).toBe('SEVEN_DAYS');
    await suite.page.reload();
    await textbox().waitFor(LIVE);
    expect(await textbox().inputValue()).toBe('');
    // The one-hour choice applied to that crud only.
    const card = homeFeed().getByRole('article').filter({ hasText: 'A draft that must survive' });
    await expect.poll(() => card.locator('.time-left').textContent(), LIVE).toMatch(/(59|60)m left/);
  }, STEP);

  it('links http(s) URLs safely and never javascript:; clicking the text opens the crud, a link or mention does not', async () => {
    await suite.page.goto('/');
    const card = await post('Read https://example.com/page. not javascript:alert(1) thanks @bayko for it');
    const link = card.getByRole('link', { name: 'https://example.com/page' });
    expect(await link.getAttribute('href')).toBe('https://example.com/page');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer ugc');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await card.locator('a[href^="javascript"]').count()).toBe(0);

    await card.getByRole('link', { name: '@bayko' }).click();
    await suite.page.waitForURL(/\/@bayko$/, LIVE);
    await suite.page.goBack();
    const again = homeFeed().getByRole('article').filter({ hasText: 'Read https://example.com/page' }).first();
    await again.waitFor(LIVE);
    await again.getByText('thanks', { exact: false }).click();
    await suite.page.waitForURL(/\/@andrewbrown\/status\/[0-9A-Z]{26}$/, LIVE);
  }, STEP);

  it('does not open the crud when the click ends a text selection', async () => {
    await suite.page.goto('/');
    const card = await post('Select these words to copy them');
    const text = card.locator('.crud-message');
    // Drag across the first words: mousedown and mouseup on the same paragraph, so a click fires.
    const box = (await text.boundingBox())!;
    await suite.page.mouse.move(box.x + 2, box.y + 8);
    await suite.page.mouse.down();
    await suite.page.mouse.move(box.x + 60, box.y + 8, { steps: 5 });
    await suite.page.mouse.up();
    expect(await suite.page.evaluate(() => window.getSelection()?.toString().length ?? 0)).toBeGreaterThan(0);
    await suite.page.waitForTimeout(300);
    expect(new URL(suite.page.url()).pathname).toBe('/');
  }, STEP);

  it('keeps a reply draft, replies with Ctrl+Enter and a chosen expiry, and shows "Replying to @x"', async () => {
    await suite.page.goto('/');
    const parent = await post('A week-long crud to reply to');
    await parent.getByRole('link', { name: 'Open crud by @andrewbrown' }).click();
    const reply = suite.page.getByRole('form', { name: 'Reply' });
    const box = reply.getByRole('textbox', { name: 'Your reply' });
    await box.fill('A reply draft');
    await suite.page.reload();
    await expect.poll(() => box.inputValue(), LIVE).toBe('A reply draft');
    await reply.getByRole('combobox', { name: 'Expires after' }).selectOption('THREE_HOURS');
    await box.press('Control+Enter');
    const replies = suite.page.getByRole('feed', { name: 'Replies' });
    const card = replies.getByRole('article').filter({ hasText: 'A reply draft' });
    await card.waitFor(LIVE);
    expect(await card.getByText('Replying to').textContent()).toBe('Replying to @andrewbrown');
    await expect.poll(() => card.locator('.time-left').textContent(), LIVE).toMatch(/[23]h left/);
    await suite.page.reload();
    await box.waitFor(LIVE);
    expect(await box.inputValue()).toBe('');
  }, STEP);

  it('suggests people while an @mention is typed; Enter inserts the handle', async () => {
    await suite.page.goto('/');
    await textbox().fill('');
    await textbox().pressSequentially('hello @bay');
    const option = suite.page.getByRole('listbox', { name: 'People to mention' }).getByRole('option').filter({ hasText: '@bayko' });
    await option.waitFor(LIVE);
    await textbox().press('Enter');
    await expect.poll(() => textbox().inputValue(), LIVE).toBe('hello @bayko ');
    await textbox().fill('');
  }, STEP);

  it('keeps a DM draft across a reload; Ctrl+Enter sends; no message form to yourself', async () => {
    await suite.page.goto('/messages/new/bayko');
    const form = suite.page.getByRole('form', { name: 'Send a message' });
    const box = form.getByRole('textbox', { name: 'Message' });
    await box.fill('A message draft');
    await suite.page.reload();
    await expect.poll(() => box.inputValue(), LIVE).toBe('A message draft');
    await box.press('Control+Enter');
    await suite.page.getByRole('list', { name: 'Messages' }).getByText('A message draft').waitFor(LIVE);
    await suite.page.goto('/messages/new/andrewbrown');
    await suite.page.getByText('You can’t send a message to yourself').waitFor(LIVE);
    expect(await suite.page.getByRole('form', { name: 'Send a message' }).count()).toBe(0);
  }, STEP);

  it('gives focus back to "Edit profile" when its dialog closes', async () => {
    await suite.page.goto('/@andrewbrown');
    const opener = suite.page.getByRole('button', { name: 'Edit profile' });
    await opener.click();
    const dialog = suite.page.getByRole('dialog', { name: 'Edit profile' });
    await dialog.waitFor(LIVE);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement), LIVE).toBe(true);
    await opener.click();
    await dialog.waitFor(LIVE);
    await suite.page.keyboard.press('Escape');
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement), LIVE).toBe(true);
  }, STEP);

  it('redirects /profile/x to /@x and /crud/id to the crud’s status URL', async () => {
    await suite.page.goto('/profile/bayko');
    await suite.page.waitForURL(/\/@bayko$/, LIVE);
    await suite.page.getByRole('heading', { level: 1, name: 'Andrew Bayko' }).waitFor(LIVE);
    await suite.page.goto('/');
    const href = await homeFeed().getByRole('link', { name: 'Open crud by @andrewbrown' }).first().getAttribute('href');
    const id = href!.split('/').pop()!;
    await suite.page.goto(`/crud/${id}`);
    await suite.page.waitForURL(new RegExp(`/@andrewbrown/status/${id}$`), LIVE);
    // One of your own cruds is not your profile: the nav's Profile entry is not the current suite.page.
    const profileEntry = suite.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' });
    await suite.page.getByRole('article').first().waitFor(LIVE);
    expect(await profileEntry.getAttribute('aria-current')).toBeNull();
    await profileEntry.click();
    await suite.page.waitForURL(/\/@andrewbrown$/, LIVE);
    await expect.poll(() => profileEntry.getAttribute('aria-current'), LIVE).toBe('page');
  }, STEP);

  it('serves a favicon', async () => {
    const href = await suite.page.locator('link[rel="icon"]').getAttribute('href');
    const res = await suite.page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('image/svg+xml');
  }, STEP);

  it('auth pages lead back to the app; the Handle field accepts a leading "@"', async () => {
    const { context, page: guest } = await suite.app.newContext();
    await guest.goto('/signin');
    await guest.getByRole('link', { name: 'Back to Cruddur' }).click();
    await guest.waitForURL(/\/explore$/, LIVE);
    await signUp(suite.app, guest, { name: 'At Person', email: 'at.person@example.com', handle: '@at_person', password: 'Cruddur-At-1!' });
    await guest.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await guest.waitForURL(/\/@at_person$/, LIVE);
    await context.close();
  }, STEP);
});
