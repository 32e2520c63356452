import { describe, expect, it } from 'vitest';
import { indexUpdateFor, nameRepairFor } from './missing.ts';

describe('what an old item lacks', () => {
  it('a like row without gsi1 gets the likedCruds index; with it, nothing', () => {
    const like = { pk: 'CRUD#c1', sk: 'LIKE#u1', type: 'LIKE', crudId: 'c1', userId: 'u1', createdAt: '2026-01-01T00:00:00.000Z' };
    expect(indexUpdateFor(like)).toEqual({
      key: { pk: 'CRUD#c1', sk: 'LIKE#u1' },
      kind: 'like',
      set: { gsi1pk: 'LIKES#u1', gsi1sk: '2026-01-01T00:00:00.000Z#c1' },
      missing: 'gsi1pk',
    });
    expect(indexUpdateFor({ ...like, gsi1pk: 'LIKES#u1' })).toBeNull();
  });

  it('a reply without gsi3 gets the userReplies index; a top-level crud and a repost are left alone', () => {
    const reply = { pk: 'CRUD#r1', sk: 'CRUD', type: 'CRUD', id: 'r1', authorId: 'u1', replyToId: 'c1' };
    expect(indexUpdateFor(reply)?.set).toEqual({ gsi3pk: 'REPLIES_BY#u1', gsi3sk: 'r1' });
    expect(indexUpdateFor({ ...reply, replyToId: undefined })).toBeNull();
    expect(indexUpdateFor({ pk: 'CRUD#c1', sk: 'REPOST#u1', type: 'REPOST' })).toBeNull();
  });

  it('name rows: missing, stale (a rename with a lost write) or beside an old profile key are repaired; matching ones are not', () => {
    const profile = { id: 'u1', displayName: 'Ana Ruiz', legacyKey: false };
    const missing = nameRepairFor(profile, undefined)!;
    expect(missing.put.map((r) => r.gsi2sk)).toEqual(['ana ruiz#u1', 'ruiz#u1']);
    expect(missing.remove).toEqual([]);
    const good = new Map(missing.put.map((r) => [r.sk, r.gsi2sk]));
    expect(nameRepairFor(profile, good)).toBeNull();
    expect(nameRepairFor({ ...profile, legacyKey: true }, good)).not.toBeNull();
    const stale = new Map([...good, ['NAMEWORD#2', 'old#u1']]);
    expect(nameRepairFor(profile, stale)!.remove).toEqual([{ pk: 'USER#u1', sk: 'NAMEWORD#2' }]);
  });
});
