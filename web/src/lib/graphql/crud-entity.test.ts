import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { crudKey, normalizeCruds, patchCrud, type CrudState } from './crud-entity.ts';

const crud = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  message: 'hi',
  likesCount: 1,
  repliesCount: 0,
  repostsCount: 0,
  viewerHasLiked: true,
  viewerHasReposted: false,
  author: { id: 'u1', handle: 'ana' },
  ...over,
});
const state = (client: QueryClient, id: string, identity = 'me') => client.getQueryData<CrudState>(crudKey(identity, id));

describe('the shared crud cache', () => {
  it('finds cruds anywhere in a result: list items, feed items, a reply’s parent', () => {
    const client = new QueryClient();
    normalizeCruds(client, 'me', {
      homeFeed: { items: [{ id: 'f1', reason: 'OWN', crud: crud('c1') }], nextToken: null },
      crud: { ...crud('c2'), replyTo: crud('c3', { likesCount: 7 }) },
    });
    expect(state(client, 'c1')).toEqual({ id: 'c1', likesCount: 1, repliesCount: 0, repostsCount: 0, viewerHasLiked: true, viewerHasReposted: false, deleted: false });
    expect(state(client, 'c3')?.likesCount).toBe(7);
    // Users and feed items are not cruds.
    expect(state(client, 'u1')).toBeUndefined();
    expect(state(client, 'f1')).toBeUndefined();
  });

  it('keeps what the viewer did when an event (published without a viewer) brings nulls', () => {
    const client = new QueryClient();
    normalizeCruds(client, 'me', crud('c1'));
    normalizeCruds(client, 'me', { onFeedItem: { crud: crud('c1', { likesCount: 2, viewerHasLiked: null, viewerHasReposted: null }) } });
    expect(state(client, 'c1')).toMatchObject({ likesCount: 2, viewerHasLiked: true, viewerHasReposted: false });
  });

  it('takes counters and deletion from onCrudChanged events', () => {
    const client = new QueryClient();
    normalizeCruds(client, 'me', crud('c1'));
    normalizeCruds(client, 'me', { onCrudChanged: { id: 'c1', likesCount: 5, repliesCount: 2, repostsCount: 1, deleted: true } });
    expect(state(client, 'c1')).toMatchObject({ likesCount: 5, repliesCount: 2, repostsCount: 1, viewerHasLiked: true, deleted: true });
  });

  it('keeps each identity’s viewer state apart', () => {
    const client = new QueryClient();
    normalizeCruds(client, 'me', crud('c1'));
    normalizeCruds(client, 'guest', crud('c1', { viewerHasLiked: null }));
    expect(state(client, 'c1', 'me')?.viewerHasLiked).toBe(true);
    expect(state(client, 'c1', 'guest')?.viewerHasLiked).toBeNull();
  });

  it('patches optimistically and rolls back exactly', () => {
    const client = new QueryClient();
    normalizeCruds(client, 'me', crud('c1'));
    const undo = patchCrud(client, 'me', 'c1', (s) => ({ viewerHasLiked: false, likesCount: s.likesCount - 1 }));
    expect(state(client, 'c1')).toMatchObject({ viewerHasLiked: false, likesCount: 0 });
    undo();
    expect(state(client, 'c1')).toMatchObject({ viewerHasLiked: true, likesCount: 1 });
  });
});
