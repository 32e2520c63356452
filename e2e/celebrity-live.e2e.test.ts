/**
 * A pulled (high-follower) account's new crud appears live in a follower's browser, exactly as a
 * pushed one does (decision 026). Thresholds are lowered so the demo data makes andrewbrown (3
 * followers) a pulled account: no feed row is written for altbrown, the web's onCelebrityFeedItem
 * subscription brings the crud.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowserTests } from './chromium.ts';
import { screenshot, signIn, startApp, type App } from './harness.ts';

const LIVE = { timeout: 15_000 };
const STEP = 120_000;

describe.skipIf(skipBrowserTests)('a pulled account in the browser', () => {
  let app: App;
  let andrew: Page;
  let alt: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    app = await startApp({ functionVariables: { 'feed-fanout': { FANOUT_PULL_AT: '2', FANOUT_PUSH_AT: '1' } } });
    andrew = (await app.newContext()).page;
    ({ page: alt, consoleErrors } = await app.newContext());
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  }, STEP);

  it('shows the new crud live in the follower’s home feed', async () => {
    await app.stack.dynamo.streams.idle();
    const profile = await app.stack.dynamo.client.send(
      new QueryCommand({
        TableName: app.stack.dynamo.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk = :h',
        ExpressionAttributeValues: { ':p': { S: 'HANDLE_PREFIX' }, ':h': { S: 'andrewbrown' } },
      }),
    );
    expect(profile.Items?.[0]?.celebrity).toEqual({ BOOL: true });

    await signIn(andrew, 'andrewbrown');
    await signIn(alt, 'altbrown'); // altbrown follows andrewbrown in the demo data
    const altFeed = alt.getByRole('feed', { name: 'Home feed' });
    await altFeed.getByRole('article').first().waitFor(LIVE);

    const message = `Pulled and live ${Date.now().toString(36)}`;
    const composer = andrew.getByRole('form', { name: 'New crud' });
    await composer.getByRole('textbox', { name: 'What would you like to say?' }).fill(message);
    await composer.getByRole('button', { name: 'Crud' }).click();

    const banner = alt.getByRole('button', { name: /Show \d+ new cruds?/ });
    await expect.poll(async () => (await altFeed.getByText(message).count()) > 0 || (await banner.count()) > 0, LIVE).toBe(true);
    if (await banner.count()) await banner.click();
    await altFeed.getByText(message).waitFor(LIVE);
    await screenshot(alt, 'pulled-account-live');
    expect(consoleErrors).toEqual([]);
  }, STEP);
});
