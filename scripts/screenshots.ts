/**
 * `npm run screenshots`: pictures of every main screen for docs/web.md, taken the way a person
 * sees them. Starts the offline stack (in memory, demo users and demo data) and the web app on
 * free ports, posts one crud with two images and a reply with one so the media grid shows, signs
 * in as andrewbrown in Debian's Chromium and saves each screen at 1280 px (desktop) and 390 px
 * (phone) into docs/web/<screen>-<desktop|mobile>.png (palette PNGs). Rerunnable: the files are
 * overwritten; nothing else is kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { createServer } from 'vite';
import { demoUsers } from '../definitions/demo-users.ts';
import { launchChromium } from '../e2e/chromium.ts';
import { callCognito } from '../local/src/cognito/client.ts';
import { writeOutputs } from '../local/src/outputs/amplify-outputs.ts';
import { startStack, type Stack } from '../local/src/stack.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'docs', 'web');
const viewports = {
  desktop: { width: 1280, height: 800, isMobile: false },
  mobile: { width: 390, height: 844, isMobile: true },
} as const;
const SETTLE = { timeout: 20_000 };

interface Screen {
  name: string;
  /** Path in the web app, or an absolute URL (the explorer). */
  url: string;
  /** Visible when the screen has loaded its data. */
  ready(page: Page): Promise<unknown>;
  signedOut?: boolean;
}

async function gql(stack: Stack, token: string, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- a script's ad-hoc reads
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** One image through the public path (presign, PUT, thumbnailer); its key, ready to attach. */
async function uploadPicture(stack: Stack, token: string, color: string): Promise<string> {
  const bytes = await sharp({ create: { width: 1200, height: 800, channels: 3, background: color } }).jpeg().toBuffer();
  const { createMediaUpload } = await gql(stack, token, 'mutation U($t: String!, $n: Int!) { createMediaUpload(contentType: $t, contentLength: $n) { url key } }', { t: 'image/jpeg', n: bytes.length });
  await fetch(createMediaUpload.url, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': 'image/jpeg' } });
  await stack.storage.idle();
  return createMediaUpload.key as string;
}

/** A crud with two images and a reply with one, for the media grid in a thread. */
async function postPictures(stack: Stack, token: string): Promise<string> {
  const media = [
    { key: await uploadPicture(stack, token, '#7b2ff7'), alt: 'A purple gradient square' },
    { key: await uploadPicture(stack, token, '#f7a32f'), alt: 'An orange gradient square' },
  ];
  const { createCrud } = await gql(stack, token, 'mutation C($m: String!, $media: [CrudMediaInput!]) { createCrud(message: $m, media: $media) { id } }', {
    m: 'Two colours for the new media grid #cruddur',
    media,
  });
  await gql(stack, token, 'mutation R($id: ID!, $m: String!, $media: [CrudMediaInput!]) { replyToCrud(crudId: $id, message: $m, media: $media) { id } }', {
    id: createCrud.id,
    m: 'And a teal one in reply',
    media: [{ key: await uploadPicture(stack, token, '#1fa39a'), alt: 'A teal square' }],
  });
  await stack.dynamo.streams.idle();
  return createCrud.id as string;
}

/** The composer with two images chosen, one described: previews, alt text fields, upload state. */
async function composeWithImages(page: Page): Promise<void> {
  const png = (color: string) => sharp({ create: { width: 800, height: 600, channels: 3, background: color } }).png().toBuffer();
  const composer = page.getByRole('form', { name: 'New crud' });
  await composer.getByRole('textbox', { name: 'What would you like to say?' }).fill('Sunset colours from the bootcamp #cruddur');
  await composer.getByTestId('composer-media-input').setInputFiles([
    { name: 'sunset.png', mimeType: 'image/png', buffer: await png('#f76b1c') },
    { name: 'dusk.png', mimeType: 'image/png', buffer: await png('#5b2a86') },
  ]);
  await composer.getByText('Ready', { exact: true }).nth(1).waitFor(SETTLE);
  await composer.getByLabel('Alt text for image 1').fill('An orange sky over the sea');
}

async function signIn(page: Page): Promise<void> {
  const user = demoUsers[0];
  await page.goto('/signin');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), SETTLE);
}

async function shoot(browser: Browser, webUrl: string, screens: Screen[], viewport: keyof typeof viewports): Promise<string[]> {
  const { width, height, isMobile } = viewports[viewport];
  const saved: string[] = [];
  for (const signedOut of [true, false]) {
    const context = await browser.newContext({ baseURL: webUrl, viewport: { width, height }, isMobile, hasTouch: isMobile, colorScheme: 'dark' });
    const page = await context.newPage();
    if (!signedOut) await signIn(page);
    for (const screen of screens.filter((s) => !!s.signedOut === signedOut)) {
      await page.goto(screen.url);
      await screen.ready(page);
      // Images and fonts finish, live counters settle.
      await page.waitForLoadState('networkidle').catch(() => undefined);
      const file = path.join(outDir, `${screen.name}-${viewport}.png`);
      // A 256-colour palette: indistinguishable here and about a seventh of the size in the repository.
      await sharp(await page.screenshot()).png({ palette: true, quality: 90, effort: 7, dither: 0.5 }).toFile(file);
      saved.push(path.relative(root, file));
    }
    await context.close();
  }
  return saved;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-screens-'));
  const outputsFile = path.join(tmp, 'amplify_outputs.json');
  process.env.CRUDDUR_AMPLIFY_OUTPUTS = outputsFile;
  const vite = await createServer({ configFile: path.join(root, 'web/vite.config.ts'), root: path.join(root, 'web'), logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  await vite.listen();
  const webUrl = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
  // The Lambdas' log level, as Lambda's advanced logging controls set it: warnings only.
  const stack = await startStack({ ports: {}, seed: true, demoData: true, log: 'silent', corsOrigins: [webUrl], functionLogLevel: 'WARN' });
  await writeOutputs(outputsFile, stack.outputs);
  const browser = await launchChromium();
  try {
    const user = demoUsers[0];
    const auth = await callCognito<{ AuthenticationResult: { AccessToken: string } }>(stack.cognito.url, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack.cognito.clientId,
      AuthParameters: { USERNAME: user.email, PASSWORD: user.password },
    });
    const token = auth.AuthenticationResult.AccessToken;
    const pictures = await postPictures(stack, token);
    const { trendingHashtags } = await gql(stack, 'guest', '{ trendingHashtags(limit: 1) { tag } }');
    const tag = (trendingHashtags[0]?.tag as string | undefined) ?? 'cruddur';
    const { publicFeed } = await gql(stack, 'guest', '{ publicFeed(limit: 50) { items { id repliesCount author { handle } } } }');
    const thread = (publicFeed.items as { id: string; repliesCount: number; author: { handle: string } }[]).find((c) => c.repliesCount > 0 && c.id !== pictures) ?? publicFeed.items[0];
    const feed = (page: Page) => page.getByRole('article').first().waitFor(SETTLE);
    const heading = (page: Page) => page.getByRole('heading').first().waitFor(SETTLE);
    const screens: Screen[] = [
      { name: 'sign-in', url: '/signin', ready: (p) => p.getByRole('button', { name: 'Sign in' }).waitFor(SETTLE), signedOut: true },
      { name: 'explorer', url: stack.urls.explorer, ready: (p) => p.locator('.graphiql-container').first().waitFor(SETTLE), signedOut: true },
      { name: 'home', url: '/', ready: feed },
      { name: 'thread', url: `/@${thread.author.handle}/status/${thread.id}`, ready: feed },
      { name: 'composer-images', url: '/', ready: composeWithImages },
      { name: 'media', url: `/@${user.handle}/status/${pictures}`, ready: (p) => p.getByRole('feed', { name: 'Replies' }).locator('.media-grid img').first().waitFor(SETTLE) },
      { name: 'profile', url: `/@${user.handle}`, ready: feed },
      { name: 'hashtag', url: `/hashtag/${encodeURIComponent(tag)}`, ready: feed },
      { name: 'search', url: '/search?q=b', ready: heading },
      { name: 'notifications', url: '/notifications', ready: heading },
      { name: 'messages', url: '/messages', ready: heading },
      { name: 'insights', url: '/insights', ready: heading },
    ];
    fs.mkdirSync(outDir, { recursive: true });
    for (const viewport of Object.keys(viewports) as (keyof typeof viewports)[]) {
      for (const file of await shoot(browser, webUrl, screens, viewport)) console.log(file);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await vite.close();
    await stack.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
