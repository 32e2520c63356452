/**
 * A pulled (high-follower) account's new crud appears live in a follower's browser, exactly as a
 * pushed one does (decision 026). Thresholds are lowered so the demo data makes andrewbrown (3
 * followers) a pulled account: no feed row is written for altbrown, the web's onCelebrityFeedItem
 * subscription brings the crud — also after the viewer mutes someone, which ends the subscription
 * on the server (docs/safety.md) and makes the page start it again.
 */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoUsers } from '../definitions/demo-users.ts';
import { createSeedApi } from '../seed/api.ts';
import { skipBrowserTests } from './chromium.ts';
import { LIVE, screenshot, signIn, STEP, useBrowserSuite } from './harness.ts';

describe.skipIf(skipBrowserTests)('a pulled account in the browser', () => {
  let andrew: Page;
  let alt: Page;
  let consoleErrors: string[];

  const suite = useBrowserSuite({ name: 'celebrity', page: false, app: { functionVariables: { 'feed-fanout': { FANOUT_PULL_AT: '2', FANOUT_PUSH_AT: '1' } } } });

  beforeAll(async () => {
    andrew = (await suite.app.newContext()).page;
    ({ page: alt, consoleErrors } = await suite.app.newContext());
  }, 180_000);

  it('shows the new crud live in the follower’s home feed', async () => {
    await suite.app.stack.dynamo.streams.idle();
    const profile = await suite.app.stack.dynamo.client.send(
      new QueryCommand({
        TableName: suite.app.stack.dynamo.tableName,
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

  it('keeps the pulled accounts live after the viewer mutes someone from a crud’s menu (the server ends the subscription; the page restarts it)', async () => {
    const api = createSeedApi({ graphqlUrl: suite.app.stack.urls.graphql, cognitoUrl: suite.app.stack.cognito.url, clientId: suite.app.stack.cognito.clientId, users: demoUsers });
    expect((await api.asUser('altbrown')('mutation { follow(handle: "bayko") { id } }')).errors).toBeUndefined();
    await suite.app.stack.dynamo.streams.idle();
    const posted = await api.asUser('bayko')('mutation { createCrud(message: "bayko, about to be muted") { id } }');
    expect(posted.errors).toBeUndefined();
    await suite.app.stack.dynamo.streams.idle();
    await alt.goto('/');
    const altFeed = alt.getByRole('feed', { name: 'Home feed' });
    const card = altFeed.getByRole('article').filter({ hasText: 'bayko, about to be muted' });
    await card.waitFor(LIVE);
    await card.getByRole('button', { name: 'More' }).click();
    await card.getByRole('menuitem', { name: 'Mute @bayko' }).click();
    await alt.getByText(/You muted @bayko/).waitFor(LIVE);

    const message = `Still live after a mute ${Date.now().toString(36)}`;
    const composer = andrew.getByRole('form', { name: 'New crud' });
    await composer.getByRole('textbox', { name: 'What would you like to say?' }).fill(message);
    await composer.getByRole('button', { name: 'Crud' }).click();
    const banner = alt.getByRole('button', { name: /Show \d+ new cruds?/ });
    await expect.poll(async () => (await altFeed.getByText(message).count()) > 0 || (await banner.count()) > 0, LIVE).toBe(true);
    expect(consoleErrors).toEqual([]);
  }, STEP);
});
