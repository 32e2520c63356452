/**
 * Images in a real browser against the real offline stack: a refused avatar ends its wait with the
 * server's reason (it used to say "Processing your avatar…" forever), a crud carries described
 * images shown in the feed with a keyboard-accessible lightbox, and so does a reply in its thread.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { demoUsers } from '../definitions/demo-users.ts';
import { createSeedApi } from '../seed/api.ts';
import { skipBrowserTests } from './chromium.ts';
import { screenshot, STEP, useBrowserSuite } from './harness.ts';

const LIVE = { timeout: 30_000 };

const png = (color: string, width = 640, height = 400) => sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();

describe.skipIf(skipBrowserTests)('images in the browser', () => {
  const suite = useBrowserSuite({ name: 'media', signIn: 'andrewbrown' });

  it('tells the uploader when a corrupt avatar is refused instead of processing forever', async () => {
    await suite.page.goto('/@andrewbrown');
    await suite.page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = suite.page.getByRole('dialog', { name: 'Edit profile' });
    const whole = await png('#aa3300', 400, 400);
    // A PNG cut in half: the type and header are right, the pixels are not.
    await dialog.getByLabel('Avatar').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: whole.subarray(0, Math.floor(whole.length / 2)) });
    await expect.poll(() => dialog.getByText('This image is damaged or incomplete and could not be processed.').count(), LIVE).toBe(1);
    expect(await dialog.getByText('Processing your avatar…').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }, STEP);

  it('posts a crud with two described images and opens them in a lightbox that Escape closes', async () => {
    await suite.page.goto('/');
    const composer = suite.page.getByRole('form', { name: 'New crud' });
    const message = `Two squares ${Date.now()}`;
    await composer.getByRole('textbox', { name: 'What would you like to say?' }).fill(message);
    await composer.getByTestId('composer-media-input').setInputFiles([
      { name: 'red.png', mimeType: 'image/png', buffer: await png('#cc2222') },
      { name: 'green.png', mimeType: 'image/png', buffer: await png('#22aa44', 400, 640) },
    ]);
    const crudButton = composer.getByRole('button', { name: 'Crud' });
    await expect.poll(() => composer.getByText('Ready', { exact: true }).count(), LIVE).toBe(2);
    // Alt text is required: nothing is posted until every image has it.
    expect(await crudButton.isDisabled()).toBe(true);
    await composer.getByLabel('Alt text for image 1').fill('A red rectangle');
    expect(await crudButton.isDisabled()).toBe(true);
    await composer.getByLabel('Alt text for image 2').fill('A green rectangle');
    await expect.poll(() => crudButton.isEnabled(), LIVE).toBe(true);
    await crudButton.click();

    const card = suite.page.getByRole('feed', { name: 'Home feed' }).getByRole('article').filter({ hasText: message });
    const first = card.getByRole('button', { name: 'View image 1 of 2: A red rectangle' });
    await first.waitFor(LIVE);
    expect(await card.getByRole('img', { name: 'A green rectangle' }).count()).toBe(1);
    expect(await composer.getByRole('list', { name: 'Attached images' }).count()).toBe(0);

    await first.click();
    const lightbox = suite.page.getByRole('dialog', { name: 'Image 1 of 2' });
    await lightbox.waitFor(LIVE);
    expect(await lightbox.getByRole('img', { name: 'A red rectangle' }).count()).toBe(1);
    await suite.page.keyboard.press('ArrowRight');
    await suite.page.getByRole('dialog', { name: 'Image 2 of 2' }).getByRole('img', { name: 'A green rectangle' }).waitFor(LIVE);
    await suite.page.keyboard.press('Escape');
    await expect.poll(() => suite.page.getByRole('dialog').count(), LIVE).toBe(0);
    // Focus is back on the image the lightbox was opened from.
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(suite.page, 'media-crud');
  }, STEP);

  it('attaches a described image to a reply, shown in the thread and the Replies tab, with the composer’s upload states', async () => {
    const api = createSeedApi({ graphqlUrl: suite.app.stack.urls.graphql, cognitoUrl: suite.app.stack.cognito.url, clientId: suite.app.stack.cognito.clientId, users: demoUsers });
    const posted = await api.asUser('bayko')<{ createCrud: { id: string } }>('mutation C { createCrud(message: "Show me a colour") { id } }');
    expect(posted.errors).toBeUndefined();
    await suite.page.goto(`/@bayko/status/${posted.data!.createCrud.id}`);
    const form = suite.page.getByRole('form', { name: 'Reply' });
    const message = `A blue one ${Date.now()}`;
    await form.getByRole('textbox', { name: 'Your reply' }).fill(message);
    await form.getByTestId('composer-media-input').setInputFiles([{ name: 'blue.png', mimeType: 'image/png', buffer: await png('#2244cc') }]);
    const replyButton = form.getByRole('button', { name: 'Reply' });
    await expect.poll(() => form.getByText('Ready', { exact: true }).count(), LIVE).toBe(1);
    // Alt text is required here too.
    expect(await replyButton.isDisabled()).toBe(true);
    expect(await form.getByText('Every image needs alt text before it can be posted.').count()).toBe(1);
    await form.getByLabel('Alt text for image 1').fill('A blue rectangle');
    await expect.poll(() => replyButton.isEnabled(), LIVE).toBe(true);
    await replyButton.click();

    const reply = suite.page.getByRole('feed', { name: 'Replies' }).getByRole('article').filter({ hasText: message });
    const image = reply.getByRole('button', { name: 'View image 1 of 1: A blue rectangle' });
    await image.waitFor(LIVE);
    expect(await form.getByRole('list', { name: 'Attached images' }).count()).toBe(0);
    await image.click();
    await suite.page.getByRole('dialog', { name: 'Image 1 of 1' }).getByRole('img', { name: 'A blue rectangle' }).waitFor(LIVE);
    await suite.page.keyboard.press('Escape');
    await expect.poll(() => suite.page.getByRole('dialog').count(), LIVE).toBe(0);

    // After a reload the thread reads the reply's image from the server.
    await suite.page.reload();
    await suite.page.getByRole('feed', { name: 'Replies' }).getByRole('article').filter({ hasText: message }).getByRole('img', { name: 'A blue rectangle' }).waitFor(LIVE);
    await screenshot(suite.page, 'media-reply');

    // The replier's Replies tab shows it with its image too.
    await suite.page.goto('/@andrewbrown/replies');
    await suite.page.getByRole('feed', { name: 'Replies by @andrewbrown' }).getByRole('article').filter({ hasText: message }).getByRole('button', { name: 'View image 1 of 1: A blue rectangle' }).waitFor(LIVE);
  }, STEP);
});
