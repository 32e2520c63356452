/**
 * A known history for one user ("me"), as stream records in stream order, with every kind of
 * change Insights must get right: likes and an unlike, a repost, replies and a deleted reply,
 * follows, an unfollow and a re-follow, a deleted crud (with a like cleaned up after it), an
 * expired crud (with a like cleaned up after it) and hashtags. `expected` is what it must add up to.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { inserted, items, removed, ulidAt } from './records.ts';

const at = (day: string, time: string) => new Date(`${day}T${time}Z`);

/** `days` are three consecutive UTC days, e.g. ['2026-11-20', '2026-11-21', '2026-11-22']. */
export function scenario(me: string, b: string, c: string, days: [string, string, string]) {
  const [d1, d2, d3] = days;
  const c1 = items.crud(ulidAt(at(d1, '10:00:00'), 1), me, at(d1, '10:00:00'), 'hello #Cloud #aws', { hashtags: ['cloud', 'aws'] });
  const c2 = items.crud(ulidAt(at(d2, '09:00:00'), 2), me, at(d2, '09:00:00'), 'second #cloud', { hashtags: ['cloud'], expiresAt: at(d3, '09:00:00') });
  const c3 = items.crud(ulidAt(at(d3, '07:00:00'), 3), me, at(d3, '07:00:00'), 'regret #aws', { hashtags: ['aws'] });
  const r1 = items.crud(ulidAt(at(d2, '11:00:00'), 4), b, at(d2, '11:00:00'), 'nice', { replyToId: String(c1.id) });
  const r2 = items.crud(ulidAt(at(d2, '12:00:00'), 5), c, at(d2, '12:00:00'), 'meh', { replyToId: String(c1.id) });
  const likeB1 = items.like(c1, b, at(d1, '11:00:00'));
  const likeC1 = items.like(c1, c, at(d1, '12:00:00'));
  const likeB2 = items.like(c2, b, at(d2, '10:00:00'));
  const likeB3 = items.like(c3, b, at(d3, '08:00:00'));
  const repostB1 = items.repost(c1, b, at(d2, '10:00:00'), ulidAt(at(d2, '10:00:00'), 6));
  const followB = items.follows(b, me, at(d1, '09:00:00'));
  const followC = items.follows(c, me, at(d1, '09:30:00'));
  const refollowC = items.follows(c, me, at(d3, '08:00:00'));
  const records: DynamoDBRecord[] = [
    inserted(items.profile(me, 'me', at(d1, '08:00:00')), { at: at(d1, '08:00:00') }),
    inserted(items.profile(b, 'bee', at(d1, '08:00:00')), { at: at(d1, '08:00:00') }),
    inserted(items.profile(c, 'cee', at(d1, '08:00:00')), { at: at(d1, '08:00:00') }),
    inserted(followB, { at: at(d1, '09:00:00') }),
    inserted(followC, { at: at(d1, '09:30:00') }),
    inserted(c1, { at: at(d1, '10:00:00') }),
    inserted(likeB1, { at: at(d1, '11:00:00') }),
    inserted(likeC1, { at: at(d1, '12:00:00') }),
    removed(likeC1, { at: at(d2, '08:00:00') }),
    inserted(c2, { at: at(d2, '09:00:00') }),
    inserted(likeB2, { at: at(d2, '10:00:00') }),
    inserted(repostB1, { at: at(d2, '10:00:00') }),
    inserted(r1, { at: at(d2, '11:00:00') }),
    inserted(r2, { at: at(d2, '12:00:00') }),
    removed(r2, { at: at(d2, '13:00:00') }),
    removed(followC, { at: at(d2, '14:00:00') }),
    inserted(c3, { at: at(d3, '07:00:00') }),
    inserted(refollowC, { at: at(d3, '08:00:00') }),
    inserted(likeB3, { at: at(d3, '08:00:00') }),
    removed(c3, { at: at(d3, '09:00:00') }),
    removed(likeB3, { at: at(d3, '09:00:00') }),
    removed(c2, { at: at(d3, '09:00:00'), ttl: true }),
    removed(likeB2, { at: at(d3, '09:00:00') }),
  ];
  const zero = { cruds: 0, likes: 0, reposts: 0, replies: 0, newFollowers: 0, unfollows: 0 };
  return {
    records,
    ids: { c1: String(c1.id), c2: String(c2.id), c3: String(c3.id), r1: String(r1.id), r2: String(r2.id) },
    expected: {
      daily: [
        { date: d1, ...zero, cruds: 1, likes: 1, newFollowers: 2 },
        { date: d2, ...zero, cruds: 1, likes: 1, reposts: 1, replies: 1, unfollows: 1 },
        { date: d3, ...zero, newFollowers: 1 },
      ],
      hashtags: { cloud: { [d1]: 1, [d2]: 1 }, aws: { [d1]: 1 } } as Record<string, Record<string, number>>,
      followers: [b, c].sort(),
      /** Lifetime engagement of the counted cruds (c3 was deleted). */
      engagement: {
        [String(c1.id)]: { likes: 1, reposts: 1, replies: 1 },
        [String(c2.id)]: { likes: 1, reposts: 0, replies: 0 },
      } as Record<string, { likes: number; reposts: number; replies: number }>,
    },
  };
}
