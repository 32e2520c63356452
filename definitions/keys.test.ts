import { describe, expect, it } from 'vitest';
import { profileItems } from '../lambdas/cognito-post-confirmation/profile.ts';
import { crudKey, handleKey, ItemType, likeKey, PkPrefix, SkPrefix, SortKey, userKey } from './keys.ts';

describe('key contract', () => {
  it('handleKey is case-insensitive whoever calls it: the claim written at sign-up is the key every reader asks for', () => {
    const { claim } = profileItems('sub-1', 'AnnBrown', 'Ann', new Date(0));
    const written = { pk: claim.pk, sk: claim.sk };
    expect(written).toEqual({ pk: 'HANDLE#annbrown', sk: 'HANDLE' });
    // A mention or a PreSignUp check passes the handle as typed; the resolvers pass it lower-cased.
    for (const asked of ['AnnBrown', 'annbrown', 'ANNBROWN']) expect(handleKey(asked)).toEqual(written);
  });

  it('spells the profile row the sign-up trigger writes', () => {
    const { profile } = profileItems('sub-1', 'AnnBrown', 'Ann', new Date(0));
    expect({ pk: profile.pk, sk: profile.sk }).toEqual(userKey('sub-1'));
    expect(profile.pk.startsWith(PkPrefix.USER)).toBe(true);
    expect(profile.sk).toBe(SortKey.PROFILE);
  });

  it('keeps prefixes and builders in step', () => {
    expect(crudKey('c1').pk.startsWith(PkPrefix.CRUD)).toBe(true);
    expect(likeKey('c1', 'u1').sk.startsWith(SkPrefix.LIKE)).toBe(true);
    // Tags are their own names, so a stored `type` reads the same in a filter pattern and in code.
    for (const [name, value] of Object.entries(ItemType)) expect(value).toBe(name);
  });
});
