/**
 * The avatar upload in a real browser (Chromium via e2e/harness.ts) against the offline stack:
 * Andrew chooses an image in the edit-profile dialog (labelled "Avatar"), sees the preview and the
 * upload progress, then the new avatar; a guest watching his profile sees it change live, and so
 * does a second guest reading the public feed, on his crud cards (web/src/lib/live-users).
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../../../e2e/chromium.ts';
import { screenshot, signIn, startApp, type App } from '../../../e2e/harness.ts';

const LIVE = { timeout: 20_000 };

describe.skipIf(skipBrowserTests)('avatar upload in the browser', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('uploads with progress and shows the new avatar to the owner and, live, to a guest', async () => {
    const owner = await app.newContext();
    const guest = await app.newContext();
    const reader = await app.newContext();
    // A card by Andrew in the public feed, in a tab that never opens his profile.
    await reader.page.goto('/explore');
    const card = reader.page.getByRole('feed', { name: 'Latest cruds' }).getByRole('article', { name: 'Andrew Brown @andrewbrown' }).first();
    await card.waitFor(LIVE);
    expect(await card.locator('img.avatar').count()).toBe(0);
    await reader.page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await guest.page.goto('/@andrewbrown');
    await guest.page.getByRole('heading', { level: 1, name: 'Andrew Brown' }).waitFor(LIVE);
    expect(await guest.page.locator('.profile-header img.avatar').count()).toBe(0);

    await signIn(owner.page, 'andrewbrown');
    await owner.page.goto('/@andrewbrown');
    await owner.page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = owner.page.getByRole('dialog', { name: 'Edit profile' });
    const image = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3d0d7b' } }).jpeg().toBuffer();
    await dialog.getByLabel('Avatar').setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: image });
    await dialog.getByRole('img', { name: 'Avatar preview' }).or(dialog.getByRole('img', { name: 'New avatar' })).first().waitFor(LIVE);
    await dialog.getByText('Avatar updated.').waitFor(LIVE);
    const src = await dialog.getByRole('img', { name: 'New avatar' }).getAttribute('src');
    expect(src).toMatch(/\/cruddur-assets\/avatars\/[0-9a-f-]+\/[0-9a-f]{64}\/512\.webp$/);
    await screenshot(owner.page, 'avatar-uploaded');

    // The guest's page was never reloaded: the change arrived over onUserChanged.
    await expect.poll(() => guest.page.locator('.profile-header img.avatar').getAttribute('src'), LIVE).toBe(src);
    // The feed reader's card follows too (the live user cache's onUserChanged), without a reload.
    await expect.poll(() => card.locator('img.avatar').getAttribute('src'), LIVE).toBe(src);
    expect(await reader.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await screenshot(reader.page, 'avatar-live-on-feed-card');
    expect(owner.consoleErrors).toEqual([]);
    expect(guest.consoleErrors).toEqual([]);
    expect(reader.consoleErrors).toEqual([]);
    await owner.context.close();
    await guest.context.close();
    await reader.context.close();
  }, 180_000);

  it('refuses a non-image before asking for an upload URL', async () => {
    const owner = await app.newContext();
    await signIn(owner.page, 'altbrown');
    await owner.page.goto('/@altbrown');
    await owner.page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = owner.page.getByRole('dialog', { name: 'Edit profile' });
    await dialog.getByLabel('Avatar').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await dialog.getByText('Choose a JPEG, PNG or WebP image.').waitFor(LIVE);
    await owner.context.close();
  }, 120_000);
});
