/**
 * Direct messages: a member gets the next message live; an outsider can neither subscribe to the
 * conversation nor read it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, subscribe, until } from './amplify-session.ts';
import { peopleOfThisFile } from './people.ts';

const ON_MESSAGE = 'subscription M($c: ID!) { onMessage(conversationId: $c) { body senderId } }';
const people = peopleOfThisFile('ana', 'ben', 'cid');
let conversationId: string;

beforeAll(async () => {
  const { ana, ben } = people;
  const first = await graphql<{ sendMessage: { conversationId: string } }>(ana.token, 'mutation S($h: String!) { sendMessage(toHandle: $h, body: "first") { conversationId } }', { h: ben.handle });
  expect(first.errors).toBeUndefined();
  conversationId = first.data!.sendMessage.conversationId;
}, 120_000);

describe('direct messages', () => {
  it('refuses an outsider’s subscription and read with Unauthorized', async () => {
    const { cid } = people;
    // The outsider first: Amplify closes its shared socket after a refused subscription.
    const outsider = await subscribe(cid.token, ON_MESSAGE, { c: conversationId });
    expect(JSON.stringify(outsider.errors)).toMatch(/Unauthorized/);
    const read = await graphql(cid.token, 'query M($c: ID!) { messages(conversationId: $c) { items { body } } }', { c: conversationId });
    expect(read.errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
    expect(JSON.stringify(read.data ?? null)).not.toContain('first');
  });

  it('delivers the next message to the other member live', async () => {
    const { ana, ben } = people;
    const member = await subscribe(ben.token, ON_MESSAGE, { c: conversationId });
    expect(member.errors).toEqual([]);
    const sent = await graphql(ana.token, 'mutation S($c: ID) { sendMessage(conversationId: $c, body: "second") { id } }', { c: conversationId });
    expect(sent.errors).toBeUndefined();
    await until(() => member.events.some((e) => e.data.onMessage.body === 'second'), 30_000, 'the message did not arrive live');
    expect(member.events.find((e) => e.data.onMessage.body === 'second').data.onMessage).toEqual({ body: 'second', senderId: ana.id });
    member.unsubscribe();
  });
});
