// util.transform.toElasticsearchQueryDSL: the developer guide's documented example ("Transformation
// helpers in util.transform") as exact output, then the shapes chosen where the guide is silent.
import { describe, expect, it } from 'vitest';
import { toElasticsearchQueryDSL } from './transform-opensearch.ts';

describe('util.transform.toElasticsearchQueryDSL', () => {
  it('renders the guide\'s example exactly', () => {
    const out = toElasticsearchQueryDSL({ upvotes: { ne: 15, range: [10, 20] }, title: { eq: 'hihihi', wildcard: 'h*i' } });
    expect(typeof out).toBe('string');
    expect(JSON.parse(out as string)).toEqual({
      bool: {
        must: [
          { bool: { must: [{ bool: { must_not: { term: { upvotes: 15 } } } }, { range: { upvotes: { gte: 10, lte: 20 } } }] } },
          { bool: { must: [{ term: { title: 'hihihi' } }, { wildcard: { title: 'h*i' } }] } },
        ],
      },
    });
  });

  it('maps or, not, exists and the match family; refuses what it cannot translate with null', () => {
    expect(JSON.parse(toElasticsearchQueryDSL({ or: [{ a: { match: 'x' } }, { b: { exists: false } }], not: { c: { gt: 1 } } }) as string)).toEqual({
      bool: {
        must: [
          { bool: { should: [{ bool: { must: [{ match: { a: 'x' } }] } }, { bool: { must: [{ bool: { must_not: { exists: { field: 'b' } } } }] } }] } },
          { bool: { must_not: { bool: { must: [{ range: { c: { gt: 1 } } }] } } } },
        ],
      },
    });
    expect(toElasticsearchQueryDSL({ a: { bogus: 1 } })).toBeNull();
    expect(toElasticsearchQueryDSL('{"a":{"eq":1}}')).toBeNull();
  });
});
