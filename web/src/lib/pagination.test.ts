import { describe, expect, it } from 'vitest';
import { newItems } from './pagination.ts';

describe('newItems', () => {
  it('returns only unseen items in order', () => {
    expect(newItems([{ id: 'x' }, { id: 'y' }, { id: 'a' }], [{ id: 'a' }]).map((i) => i.id)).toEqual(['x', 'y']);
  });
});
