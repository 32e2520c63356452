/**
 * Trust rules end to end on the whole offline stack (real Cognito tokens, authorizer, resolvers,
 * stream consumers): one notification per (actor, crud, kind), replies that outlive a deleted
 * parent, Unicode hashtags and mentions.
 */
import { describe, expect, it } from 'vitest';
import type { Operation } from '../seed/api.ts';
import { castForSuite, ok, type Cast } from './testing/people.ts';

const suite = castForSuite(['andrewbrown', 'bayko', 'londo']);
const cast = (): Cast => suite.current;
const guestOp: Operation = (query, variables) => cast().guest(query, variables);
const idle = () => cast().idle();

const A = () => cast().people.andrewbrown;
const B = () => cast().people.bayko;
const L = () => cast().people.londo;

const NOTES = '{ notifications(limit: 50) { items { id type actor { handle } crud { id message replyToId } } } }';

describe('notifications are once per (actor, crud, kind)', () => {
  it('liking and unliking four times notifies the author once', async () => {
    const { createCrud } = await ok(A().op, 'mutation { createCrud(message: "toggle me") { id } }');
    for (let i = 0; i < 4; i += 1) {
      const verb = i % 2 === 0 ? 'likeCrud' : 'unlikeCrud';
      await ok(B().op, `mutation L($id: ID!) { ${verb}(id: $id) { id } }`, { id: createCrud.id });
      await idle();
    }
    const { notifications } = await ok(A().op, NOTES);
    const likes = notifications.items.filter((n: any) => n.type === 'LIKE' && n.crud?.id === createCrud.id);
    expect(likes).toHaveLength(1);
  });

  it('following, unfollowing and following again notifies once', async () => {
    for (const verb of ['follow', 'unfollow', 'follow']) {
      await ok(B().op, `mutation { ${verb}(handle: "londo") { id } }`);
      await idle();
    }
    const { notifications } = await ok(L().op, NOTES);
    expect(notifications.items.filter((n: any) => n.type === 'FOLLOW' && n.actor.handle === 'bayko')).toHaveLength(1);
  });
});

describe('a deleted crud keeps its replies', () => {
  it('replies survive their parent’s deletion; the thread lists them and the notification points at the reply', async () => {
    const { createCrud } = await ok(A().op, 'mutation { createCrud(message: "soon gone") { id } }');
    const { replyToCrud } = await ok(B().op, 'mutation R($id: ID!) { replyToCrud(crudId: $id, message: "my answer stays") { id } }', { id: createCrud.id });
    await idle();
    await ok(A().op, 'mutation D($id: ID!) { deleteCrud(id: $id) }', { id: createCrud.id });
    await idle();

    const thread = await ok(guestOp, 'query Q($id: ID!) { crud(id: $id) { id } replies(crudId: $id) { items { id message } } }', { id: createCrud.id });
    expect(thread.crud).toBeNull();
    expect(thread.replies.items.map((r: any) => r.id)).toEqual([replyToCrud.id]);
    const reply = await ok(guestOp, 'query Q($id: ID!) { crud(id: $id) { id replyToId replyTo { id } } }', { id: replyToCrud.id });
    expect(reply.crud).toEqual({ id: replyToCrud.id, replyToId: createCrud.id, replyTo: null });

    const { notifications } = await ok(A().op, NOTES);
    const note = notifications.items.find((n: any) => n.type === 'REPLY' && n.crud?.id === replyToCrud.id);
    expect(note).toMatchObject({ actor: { handle: 'bayko' }, crud: { id: replyToCrud.id, replyToId: createCrud.id } });
  });
});

describe('Unicode hashtags', () => {
  it('indexes #café and #naïve_tag whole, finds them however the tag is typed, and trends them whole', async () => {
    const { createCrud } = await ok(A().op, 'mutation { createCrud(message: "Coffee #café #naïve_tag #CAFE\u0301") { id hashtags } }');
    expect(createCrud.hashtags).toEqual(['café', 'naïve_tag']);
    await idle();
    for (const tag of ['café', '#Café', 'CAFE\u0301']) {
      const page = await ok(guestOp, 'query Q($t: String!) { hashtagCruds(tag: $t) { items { id } } }', { t: tag });
      expect(page.hashtagCruds.items, tag).toEqual([{ id: createCrud.id }]);
    }
    const { trendingHashtags } = await ok(guestOp, '{ trendingHashtags(limit: 50) { tag } }');
    expect(trendingHashtags.map((t: any) => t.tag)).toEqual(expect.arrayContaining(['café', 'naïve_tag']));
    expect(trendingHashtags.map((t: any) => t.tag)).not.toContain('caf');
  });
});
