import { describe, expect, it } from 'vitest';
import { appendPage, newItems } from './pagination.ts';

describe('appendPage', () => {
  it('appends the next page, keeps its token and drops duplicates', () => {
    const merged = appendPage({ items: [{ id: 'a' }, { id: 'b' }], nextToken: 't1' }, { items: [{ id: 'b' }, { id: 'c' }], nextToken: null });
    expect(merged.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(merged.nextToken).toBeNull();
  });
});

describe('newItems', () => {
  it('returns only unseen items in order', () => {
    expect(newItems([{ id: 'x' }, { id: 'y' }, { id: 'a' }], [{ id: 'a' }]).map((i) => i.id)).toEqual(['x', 'y']);
  });
});
