/**
 * Starts what a person runs with `npm start` — the offline stack (in memory, demo users and demo
 * data seeded through the public paths) and the web app on Vite's dev server — on ephemeral
 * ports, plus Debian's Chromium driven by playwright-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { demoUsers } from '../definitions/demo-users.ts';
import { startStack, type Stack, type StackOptions } from '../local/src/stack.ts';
import { writeOutputs } from '../local/src/outputs/amplify-outputs.ts';
import { launchChromium } from './chromium.ts';

export const artifactsDir = path.resolve('test-results/e2e');
/** How long something "live" may take to show, on a loaded 2-core machine. */
export const LIVE = { timeout: 15_000 };
/** The budget of one browser test (what is timed is LIVE). */
export const STEP = 120_000;

export interface App {
  stack: Stack;
  webUrl: string;
  browser: Browser;
  /** A fresh browser context (its own storage), with console errors collected. */
  newContext(): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }>;
  close(): Promise<void>;
}

/** What a suite changes about the stack: its functions' declared variables (startStack's functionVariables). */
export interface AppOptions {
  functionVariables?: StackOptions['functionVariables'];
}

export async function startApp(options: AppOptions = {}): Promise<App> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-e2e-'));
  const outputsFile = path.join(tmp, 'amplify_outputs.json');
  // The web app's Vite plugin reads amplify_outputs.json from here (web/vite-plugin-amplify-outputs.ts).
  process.env.CRUDDUR_AMPLIFY_OUTPUTS = outputsFile;
  const vite: ViteDevServer = await createServer({
    configFile: path.resolve('web/vite.config.ts'),
    root: path.resolve('web'),
    logLevel: 'error',
    server: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  await vite.listen();
  const webPort = (vite.httpServer!.address() as AddressInfo).port;
  const webUrl = `http://127.0.0.1:${webPort}`;

  // Lambda handlers log through Powertools; keep the test output to warnings.
  const stack = await startStack({ ports: { graphql: 0, cognito: 0 }, seed: true, demoData: true, log: 'silent', corsOrigins: [webUrl], functionLogLevel: 'WARN', functionVariables: options.functionVariables });
  await writeOutputs(outputsFile, stack.outputs);

  const browser = await launchChromium();
  fs.mkdirSync(artifactsDir, { recursive: true });
  return {
    stack,
    webUrl,
    browser,
    async newContext() {
      const context = await browser.newContext({ baseURL: webUrl, viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => consoleErrors.push(err.message));
      return { context, page, consoleErrors };
    },
    async close() {
      await browser.close().catch(() => undefined);
      await vite.close();
      await stack.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Signs a demo user (by handle) or any confirmed account in through the sign-in page (Cognito SRP, Amplify's default). */
export async function signIn(page: Page, who: string | { email: string; password: string }): Promise<void> {
  const user = typeof who === 'string' ? demoUsers.find((u) => u.handle === who) : who;
  if (!user) throw new Error(`no demo user ${String(who)}`);
  await page.goto('/signin');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).waitFor();
}

/**
 * Signs a new person up through the sign-up page, confirms with the code from the offline Cognito's
 * outbox, and makes sure they end up signed in (Amplify's autoSignIn, or the sign-in page after it).
 */
export async function signUp(app: App, page: Page, person: { name: string; email: string; handle: string; password: string }): Promise<void> {
  const within = { timeout: 15_000 };
  await page.goto('/signup');
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Handle').fill(person.handle);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByLabel('Confirmation code').waitFor(within);
  let code: string | undefined;
  await expect.poll(async () => (code = await app.stack.cognito.outbox.latest(person.email)), within).toBeTruthy();
  await page.getByLabel('Confirmation code').fill(code!);
  await page.getByRole('button', { name: 'Confirm' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect
    .poll(async () => (await nav.getByRole('link', { name: 'Profile' }).count()) > 0 || (await page.getByRole('button', { name: 'Sign in' }).count()) > 0, within)
    .toBe(true);
  if (await page.getByRole('button', { name: 'Sign in' }).count()) {
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await nav.getByRole('link', { name: 'Profile' }).waitFor(within);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

/** What a browser suite's tests use; the fields are set before its first test runs. */
export interface BrowserSuite {
  app: App;
  /** The suite's own page (a fresh context), signed in when the suite names a user. */
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
}

/**
 * The setup every browser suite shares, registered as hooks of the calling `describe`: start the
 * app; unless `page: false`, open a context and sign `signIn` in; on a failed test, a screenshot
 * of the page (`FAILED-<name>-<test>.png`), then `afterEachTest`; close everything after the last test.
 */
export function useBrowserSuite(options: {
  name: string;
  signIn?: string;
  page?: boolean;
  /** Runs after each test, once a failure's screenshot is taken (e.g. to reset the viewport). */
  afterEachTest?: (suite: BrowserSuite) => Promise<void>;
  /** How the app's stack starts (e.g. functions' tunables). */
  app?: AppOptions;
}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.app = await startApp(options.app);
    if (options.page === false) return;
    Object.assign(suite, await suite.app.newContext());
    if (options.signIn) await signIn(suite.page, options.signIn);
  }, 180_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && suite.page) await screenshot(suite.page, `FAILED-${options.name}-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`).catch(() => undefined);
    await options.afterEachTest?.(suite);
  });
  afterAll(async () => {
    await suite.context?.close();
    await suite.app?.close();
  }, STEP);
  return suite;
}
