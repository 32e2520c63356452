/**
 * The live home feed through Amplify's real-time client: a follower gets a new crud live, and no
 * one may subscribe to someone else's feed.
 */
import { describe, expect, it } from 'vitest';
import { graphql, subscribe, until } from './amplify-session.ts';
import { peopleOfThisFile } from './people.ts';

const FEED = 'subscription F($r: ID!) { onFeedItem(recipientId: $r) { recipientId reason crud { message author { handle } } } }';
const people = peopleOfThisFile('ana', 'ben');

describe('live feed', () => {
  it('delivers a followed person’s new crud to the follower live', async () => {
    const { ana, ben } = people;
    expect((await graphql(ben.token, 'mutation F($h: String!) { follow(handle: $h) { handle } }', { h: ana.handle })).errors).toBeUndefined();
    const feed = await subscribe(ben.token, FEED, { r: ben.id });
    expect(feed.errors).toEqual([]);
    const message = `live from the parity suite #parity ${Date.now()}`;
    expect((await graphql(ana.token, 'mutation C($m: String!) { createCrud(message: $m) { id } }', { m: message })).errors).toBeUndefined();
    await until(() => feed.events.some((e) => e.data.onFeedItem.crud.message === message), 30_000, 'the crud did not arrive live');
    expect(feed.events.find((e) => e.data.onFeedItem.crud.message === message).data.onFeedItem).toEqual({
      recipientId: ben.id,
      reason: 'FOLLOWING',
      crud: { message, author: { handle: ana.handle } },
    });
    feed.unsubscribe();
  });

  it('refuses a subscription to someone else’s feed with Unauthorized', async () => {
    const { ana, ben } = people;
    const spy = await subscribe(ben.token, FEED, { r: ana.id });
    expect(spy.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(spy.errors)).toMatch(/Unauthorized/);
    expect(spy.events).toEqual([]);
  });
});
