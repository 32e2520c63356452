import { describe, expect, it } from 'vitest';
import { mergePages, putItems } from './pages.ts';

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
