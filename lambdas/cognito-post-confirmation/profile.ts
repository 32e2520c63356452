/**
 * The items a confirmed sign-up creates: the profile, the handle claim and the name-search rows.
 * The resolvers read these shapes (user by id, user by handle, search by handle prefix on gsi1 and
 * by any word of the name on gsi2).
 */
import { gsi, handleKey, userKey } from '../../definitions/keys.ts';
import { nameIndexWrites, type NameWordRow } from '../../definitions/name-search.ts';

export interface ProfileItem {
  pk: string;
  sk: 'PROFILE';
  id: string;
  handle: string;
  handleLower: string;
  displayName: string;
  bio: string;
  avatarUrl: null;
  createdAt: string;
  followersCount: number;
  followingCount: number;
  crudsCount: number;
  /** Search by handle prefix: Query gsi1 where gsi1pk = "HANDLE_PREFIX" and begins_with(gsi1sk, prefix). */
  gsi1pk: 'HANDLE_PREFIX';
  gsi1sk: string;
}

export interface HandleClaimItem {
  pk: string;
  sk: 'HANDLE';
  userId: string;
  handle: string;
}

export function profileItems(
  sub: string,
  handle: string,
  displayName: string,
  now: Date,
): { profile: ProfileItem; claim: HandleClaimItem; nameRows: NameWordRow[] } {
  const handleLower = handle.toLowerCase();
  return {
    profile: {
      ...userKey(sub),
      id: sub,
      handle,
      handleLower,
      displayName,
      bio: '',
      avatarUrl: null,
      createdAt: now.toISOString(),
      followersCount: 0,
      followingCount: 0,
      crudsCount: 0,
      gsi1pk: gsi.handlePrefix,
      gsi1sk: handleLower,
    },
    claim: { ...handleKey(handle), userId: sub, handle },
    nameRows: nameIndexWrites(sub, displayName.normalize('NFD')).put,
  };
}
