import { describe, expect, it } from 'vitest';
import { normalizeItems } from './normalize-table.ts';

const trend = (bucket: number, tag: string, count: number) => ({ pk: `TRENDS#${bucket}`, sk: `TAG#${tag}`, type: 'TREND', tag, count, expiresAt: 1 });

describe('normalizeItems', () => {
  it('compares trend counts per tag, whichever 6-hour buckets each build straddled', () => {
    const oneBucket = normalizeItems([trend(100, 'graphql', 3), trend(100, 'lambda', 1)]);
    const twoBuckets = normalizeItems([trend(100, 'graphql', 1), trend(101, 'graphql', 2), trend(101, 'lambda', 1)]);
    expect(twoBuckets).toEqual(oneBucket);
    expect(normalizeItems([trend(100, 'graphql', 2)])).not.toEqual(oneBucket.slice(0, 1));
  });
});
