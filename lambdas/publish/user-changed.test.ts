/** Profile edits → publishUserChanged: only public fields count, counters never publish. */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { publishCallsFor } from './events.ts';

const profile = { pk: 'USER#u1', sk: 'PROFILE', id: 'u1', handle: 'Zed', displayName: 'Zed', bio: '', avatarUrl: null, followersCount: 1, unreadNotificationsCount: 0 };

function modify(oldImage: Record<string, unknown> | null, newImage: Record<string, unknown>): DynamoDBRecord {
  return {
    eventID: 'e1',
    eventName: oldImage ? 'MODIFY' : 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      Keys: marshall({ pk: newImage.pk, sk: newImage.sk }) as never,
      NewImage: marshall(newImage) as never,
      OldImage: oldImage ? (marshall(oldImage) as never) : undefined,
      SequenceNumber: '1',
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

describe('profile changes', () => {
  it('publishes a new avatar, display name or bio with every public field', () => {
    const calls = publishCallsFor(modify(profile, { ...profile, avatarUrl: 'https://cdn/avatars/u1/h/512.webp', avatarUpdatedAt: 't' }));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ field: 'publishUserChanged', variables: { input: { id: 'u1', handle: 'Zed', displayName: 'Zed', bio: '', avatarUrl: 'https://cdn/avatars/u1/h/512.webp' } } });
    expect(calls[0].query).toContain('publishUserChanged(input: $input) { id handle displayName bio avatarUrl }');
    expect(publishCallsFor(modify(profile, { ...profile, displayName: 'Zed Z' }))).toHaveLength(1);
    expect(publishCallsFor(modify(profile, { ...profile, bio: 'hi' }))).toHaveLength(1);
  });

  it('publishes a new profile, so the API cache drops a null it held for the handle', () => {
    const calls = publishCallsFor(modify(null, profile));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ field: 'publishUserChanged', variables: { input: { id: 'u1', handle: 'Zed', displayName: 'Zed', bio: '', avatarUrl: null } } });
  });

  it('stays quiet for counter and read-marker updates', () => {
    expect(publishCallsFor(modify(profile, { ...profile, followersCount: 2, unreadNotificationsCount: 3 }))).toEqual([]);
  });
});
