import { describe, expect, it } from 'vitest';
import { findItem, mapItems, mergePages, putFirst, putItems } from './pages.ts';

const page = (ids: string[], nextToken: string | null) => ({ feed: { items: ids.map((id) => ({ id })), nextToken } });

describe('infinite query pages', () => {
  it('shows the pages as one list with the last nextToken, each item once', () => {
    const merged = mergePages([page(['a', 'b'], 't1'), page(['b', 'c'], 't2')], 'feed');
    expect(merged).toEqual(page(['a', 'b', 'c'], 't2'));
    expect(mergePages([], 'feed')).toBeUndefined();
  });

  it('puts a changed list in the first page and keeps every page’s nextToken', () => {
    const pages = [page(['a', 'b'], 't1'), page(['c'], null)];
    const next = putItems(pages, 'feed', [{ id: 'new' }, { id: 'a' }, { id: 'c' }]);
    expect(next).toEqual([page(['new', 'a', 'c'], 't1'), page([], null)]);
    expect(mergePages(next, 'feed')).toEqual(page(['new', 'a', 'c'], null));
  });
});

describe('live arrivals in loaded pages', () => {
  it('puts new items at the head of the first page and leaves later pages as they were', () => {
    const pages = [page(['c', 'd'], 't1'), page(['e', 'f'], 't2')];
    expect(putFirst(pages, 'feed', [{ id: 'a' }, { id: 'b' }])).toEqual([page(['a', 'b', 'c', 'd'], 't1'), page(['e', 'f'], 't2')]);
  });

  it('moves an item already loaded on a later page instead of showing it twice', () => {
    // A conversation on the second page gets a message: it is now the most recent one.
    const pages = [page(['a', 'b'], 't1'), page(['c', 'd'], 't2'), page(['e'], null)];
    const next = putFirst(pages, 'feed', [{ id: 'd' }]);
    expect(next).toEqual([page(['d', 'a', 'b'], 't1'), page(['c'], 't2'), page(['e'], null)]);
    expect(mergePages(next, 'feed')?.feed.items.map((i) => i.id)).toEqual(['d', 'a', 'b', 'c', 'e']);
  });

  it('changes nothing without pages or without fresh items', () => {
    const pages = [page(['a'], null)];
    expect(putFirst([], 'feed', [{ id: 'x' }])).toEqual([]);
    expect(putFirst(pages, 'feed', [])).toBe(pages);
  });

  it('finds and patches a loaded item on any page, in place', () => {
    const pages = [page(['a'], 't1'), page(['b', 'c'], null)];
    expect(findItem(pages, 'feed', 'c')).toEqual({ id: 'c' });
    expect(findItem(pages, 'feed', 'z')).toBeUndefined();
    const next = mapItems<(typeof pages)[number], { id: string; seen?: boolean }>(pages, 'feed', (i) => (i.id === 'b' ? { ...i, seen: true } : i));
    expect(next[1].feed.items).toEqual([{ id: 'b', seen: true }, { id: 'c' }]);
    expect(next[0]).toEqual(pages[0]);
  });
});
