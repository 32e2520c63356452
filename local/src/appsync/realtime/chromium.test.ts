/**
 * The unmodified aws-amplify v6 client in Chromium, on a page served over plain http:// from
 * another origin (like the Vite dev server), against the offline endpoint. With the browser
 * WebSocket adapter (decision 008) Amplify's `wss://` URL reaches the plain listener and the
 * subscription works with no certificate prompt; without it, the untrusted certificate fails the
 * connection, which is why the adapter exists.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowserTests } from '../../../../e2e/chromium.ts';
import { API_KEY, startStack, type Stack } from './testing/harness.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
let stack: Stack;
let browser: Browser;
let pageServer: http.Server;
let pageOrigin: string;

/** The page: configure Amplify, optionally install the adapter, subscribe, record what arrives. */
const pageSource = `
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import { installRealtimeWsAdapter } from ${JSON.stringify(path.resolve(here, 'browser-ws-adapter.ts'))};
const params = new URLSearchParams(location.search);
const endpoint = params.get('endpoint');
if (params.get('adapter') === '1') installRealtimeWsAdapter(endpoint);
Amplify.configure({ API: { GraphQL: { endpoint, region: 'us-east-1', defaultAuthMode: 'apiKey', apiKey: params.get('key') } } });
window.__state = { acked: false, events: [], errors: [] };
Hub.listen('api', ({ payload }) => { if (payload.event === 'Subscription ack') window.__state.acked = true; });
generateClient().graphql({ query: 'subscription { onTicket(group: "browser") { id title } }' }).subscribe({
  next: (v) => window.__state.events.push(v.data),
  error: (e) => window.__state.errors.push(JSON.stringify(e)),
});
`;


beforeAll(async () => {
  if (skipBrowserTests) return;
  stack = await startStack();
  const bundle = await build({
    stdin: { contents: pageSource, resolveDir: here, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0].text;
  pageServer = http.createServer((req, res) => {
    if (req.url?.startsWith('/app.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(js);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><script type="module" src="/app.js"></script>');
  });
  await new Promise<void>((r) => pageServer.listen(0, '127.0.0.1', r));
  pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => pageServer?.close(r));
  await stack?.close();
});

async function openPage(adapter: boolean) {
  const page = await browser.newPage();
  const endpoint = `http://${stack.host}/graphql`;
  await page.goto(`${pageOrigin}/?adapter=${adapter ? 1 : 0}&key=${API_KEY}&endpoint=${encodeURIComponent(endpoint)}`);
  return page;
}

describe.skipIf(skipBrowserTests)('aws-amplify v6 in Chromium, page on http://', () => {
  it('subscribes and receives through the ws:// adapter, no certificate involved', async () => {
    const page = await openPage(true);
    await page.waitForFunction(() => (window as unknown as { __state?: { acked: boolean } }).__state?.acked === true, undefined, { timeout: 20_000 });
    await stack.mutate('mutation C($input: TicketInput!) { createTicket(input: $input) { id group title } }', {
      input: { id: 'b1', group: 'browser', title: 'from Node to Chromium', mandatory: 'm' },
    });
    await page.waitForFunction(() => (window as unknown as { __state: { events: unknown[] } }).__state.events.length > 0, undefined, { timeout: 10_000 });
    const state = await page.evaluate(() => (window as unknown as { __state: unknown }).__state);
    expect(state).toEqual({ acked: true, events: [{ onTicket: { id: 'b1', title: 'from Node to Chromium' } }], errors: [] });
    await page.close();
  });

  it('without the adapter, Amplify’s wss:// meets the untrusted local certificate and never acks', async () => {
    const page = await openPage(false);
    await page.waitForTimeout(3_000);
    const state = await page.evaluate(() => (window as unknown as { __state: { acked: boolean } }).__state);
    expect(state.acked).toBe(false);
    await page.close();
  });
});
