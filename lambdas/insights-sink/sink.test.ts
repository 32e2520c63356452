/**
 * The Insights sink against a real Postgres (PGlite) with the real migrations: what the figures
 * add up to, exactly-once under redelivery and reordering, and privacy of removed text.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { changeFromRecord, type Change } from './changes.ts';
import { resetInsights, useInsightsDatabase } from './testing/pglite-database.ts';
import { scenario } from './testing/scenario.ts';
import { figuresOf } from './testing/figures.ts';

const database = useInsightsDatabase();

const days: [string, string, string] = ['2026-11-20', '2026-11-21', '2026-11-22'];
const s = scenario('u-me', 'u-b', 'u-c', days);
const figures = () => figuresOf(database().pg, 'u-me');
const changes = (records: DynamoDBRecord[]): Change[] => records.map(changeFromRecord).filter((c): c is Change => c !== null);

/** A deterministic shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(list: T[], seed: number): T[] {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('insights sink', () => {
  it('adds a history up to the figures it stands for', async () => {
    await database().db.apply(changes(s.records));
    const f = await figures();
    expect(f.daily).toEqual(s.expected.daily.map((d) => ({ ...d })));
    const tags: Record<string, Record<string, number>> = {};
    for (const r of f.hashtags) (tags[r.tag as string] ??= {})[r.day as string] = r.n as number;
    expect(tags).toEqual(s.expected.hashtags);
    expect(f.followers.map((r) => r.follower_id)).toEqual(s.expected.followers);
    const engagement = Object.fromEntries(f.engagement.filter((r) => s.expected.engagement[r.crud_id as string]).map((r) => [r.crud_id, { likes: r.likes, reposts: r.reposts, replies: r.replies }]));
    expect(engagement).toEqual(s.expected.engagement);
    // The deleted crud is not counted at all.
    expect(f.engagement.map((r) => r.crud_id)).not.toContain(s.ids.c3);
  });

  it('keeps no text of a deleted or expired crud, and no hashtags of a deleted one', async () => {
    await database().db.apply(changes(s.records));
    const texts = Object.fromEntries((await figures()).texts.map((r) => [r.id, r]));
    expect(texts[s.ids.c1]).toMatchObject({ message: 'hello #Cloud #aws', removal: null });
    expect(texts[s.ids.c2]).toMatchObject({ message: null, removal: 'expired' });
    expect(texts[s.ids.c3]).toMatchObject({ message: null, removal: 'deleted' });
    expect(texts[s.ids.r2]).toMatchObject({ message: null, removal: 'deleted' });
    const tagged = (await database().pg.query(`SELECT crud_id FROM crud_hashtags`)).rows.map((r) => (r as { crud_id: string }).crud_id);
    expect(tagged).toContain(s.ids.c2);
    expect(tagged).not.toContain(s.ids.c3);
  });

  it('gives the same figures whatever the batches, their order and their redeliveries', async () => {
    await database().db.apply(changes(s.records));
    const reference = await figures();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      await resetInsights(database().pg);
      // Every record delivered twice (a retried batch), in a shuffled order, in batches of 1–7.
      const deliveries = shuffled([...s.records, ...s.records], seed);
      for (let i = 0; i < deliveries.length; ) {
        const size = 1 + ((seed * 7 + i) % 7);
        await database().db.apply(changes(deliveries.slice(i, i + size)));
        i += size;
      }
      expect(await figures(), `seed ${seed}`).toEqual(reference);
    }
  });

  it('ends removed when the removal is delivered before the insert, never storing the text', async () => {
    const insert = s.records.find((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.id?.S === s.ids.c3) as DynamoDBRecord;
    const remove = s.records.find((r) => r.eventName === 'REMOVE' && r.dynamodb?.OldImage?.id?.S === s.ids.c3) as DynamoDBRecord;
    await database().db.apply(changes([remove]));
    await database().db.apply(changes([insert]));
    const row = (await database().pg.query(`SELECT message, removal FROM cruds WHERE id = $1`, [s.ids.c3])).rows[0];
    expect(row).toEqual({ message: null, removal: 'deleted' });
    expect((await database().pg.query(`SELECT count(*)::int AS n FROM crud_hashtags`)).rows[0]).toEqual({ n: 0 });
  });

  it('counts a like removed by TTL or by the clean-up after its crud expired, not an unlike', async () => {
    const [likeC1Removal] = s.records.filter((r) => r.eventName === 'REMOVE' && r.dynamodb?.OldImage?.type?.S === 'LIKE');
    expect(changeFromRecord(likeC1Removal)).toMatchObject({ entity: 'engagement', undoneAt: `${days[1]}T08:00:00.000Z` });
    await database().db.apply(changes(s.records));
    const likes = (await database().pg.query(`SELECT crud_id, user_id FROM counted_engagements WHERE kind = 'like' ORDER BY created_at`)).rows;
    expect(likes).toEqual([
      { crud_id: s.ids.c1, user_id: 'u-b' },
      { crud_id: s.ids.c2, user_id: 'u-b' },
    ]);
  });
});
