import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowserTests } from '../../../../e2e/chromium.ts';
import { createAuthenticator } from '../auth/index.ts';
import { createGraphqlHandler } from '../http/handler.ts';
import { createEchoEngine } from '../http/testing/echo-engine.ts';
import { createLogger } from '../../observability/logger.ts';
import { createExplorer } from './index.ts';
import { resultText, setEditor } from './testing/editor.ts';

let server: Server;
let base: string;
let browser: Browser | undefined;

beforeAll(async () => {
  const handler = createGraphqlHandler({
    engine: createEchoEngine(),
    authenticator: createAuthenticator({ providers: [{ mode: 'AWS_LAMBDA', lambda: { handler: 'local/src/appsync/auth/testing/authorizers.ts#allow' } }] }),
    logger: createLogger({ level: 'silent' }),
    explorer: createExplorer({ graphqlUrl: '/graphql', defaultQuery: '{ whoami }', guest: { token: 'guest' }, cognito: { endpoint: 'http://127.0.0.1:1', clientId: 'c' }, demoUsers: [{ email: 'a</script>@x', password: 'p' }] }),
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('explorer', () => {
  it('serves the page with its config inlined safely, and the bundled assets', async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('id="explorer-config"');
    expect(html).toContain('a\\u003c/script>@x');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const js = await fetch(`${base}/explorer/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await js.text()).length).toBeGreaterThan(100_000);
    expect((await fetch(`${base}/explorer/app.css`)).status).toBe(200);
    expect((await fetch(`${base}/explorer/other`)).status).toBe(404);
  });

  it.skipIf(skipBrowserTests)('runs a query from GraphiQL in Chromium with no network access beyond the server', async () => {
    browser ??= await launchChromium();
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(`${base}/`);
    await page.locator('.graphiql-execute-button').click({ timeout: 20_000 });
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 20_000 }).toContain('AWS_LAMBDA');
    expect(foreign).toEqual([]);
  }, 60_000);

  it.skipIf(skipBrowserTests)('runs a query typed over a subscription at once with Ctrl+Enter, over HTTP', async () => {
    browser ??= await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await setEditor(page, 'subscription { onSomething { id } }');
    await page.waitForTimeout(1_500); // GraphiQL re-parses the editor on a debounce; let it see the subscription
    await setEditor(page, '{ whoami }');
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => resultText(page), { timeout: 20_000 }).toContain('AWS_LAMBDA');
    expect(await resultText(page)).not.toMatch(/createFetcher|at \w+ \(/);
  }, 60_000);

  it.skipIf(skipBrowserTests)('shows an unreachable endpoint as a GraphQL error, not a stack trace', async () => {
    browser ??= await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.locator('.graphiql-execute-button').click({ timeout: 20_000 });
    await expect.poll(() => resultText(page), { timeout: 20_000 }).toContain('"errors"');
    const shown = JSON.parse(await resultText(page)) as { errors: { message: string; errorType?: string }[] };
    expect(shown.errors[0]).toMatchObject({ errorType: 'NetworkError' });
    expect(shown.errors[0]!.message).toContain('/graphql');
    expect(JSON.stringify(shown)).not.toMatch(/stack|at \w+ \(/);
  }, 60_000);
});
