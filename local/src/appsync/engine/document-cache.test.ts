import { describe, expect, it } from 'vitest';
import { loadSchema } from '../schema/load-schema.ts';
import { DocumentCache } from './document-cache.ts';

const { schema } = loadSchema('type Query { post(id: ID!): Post posts: [Post] }\ntype Post { id: ID! title: String }');
const padding = (n: number) => Array.from({ length: n }, (_, i) => `p${i}: posts { id title }`).join('\n');

describe('DocumentCache with a large document', () => {
  it('reports the same errors, in the same order, as validating in one pass', async () => {
    const query = `query Q($unused: ID) {\n${padding(800)}\n nope\n post { id }\n p: post(id: "1") { title { x } }\n}\nfragment F on Post { id }`;
    expect(query.length).toBeGreaterThan(16 * 1024);
    const inTurns = await new DocumentCache(schema).getInTurns(query);
    const onePass = new DocumentCache(schema).get(query);
    expect(inTurns.errors!.length).toBeGreaterThan(3);
    expect(inTurns.errors!.map((e) => [e.error.message, e.fieldPath])).toEqual(onePass.errors!.map((e) => [e.error.message, e.fieldPath]));
    const one = `{\n${padding(800)}\n nope\n}`;
    const single = await new DocumentCache(schema).getInTurns(one);
    expect(single.errors!.map((e) => [e.error.message, e.error.locations, e.fieldPath])).toEqual(new DocumentCache(schema).get(one).errors!.map((e) => [e.error.message, e.error.locations, e.fieldPath]));
  });

  it('lets other work run while it validates, and validates a document once for concurrent callers', async () => {
    const cache = new DocumentCache(schema);
    const query = `{\n${padding(800)}\n}`;
    const order: string[] = [];
    const first = cache.getInTurns(query).then((d) => (order.push('validated'), d));
    const second = cache.getInTurns(query);
    setImmediate(() => order.push('other work'));
    const [a, b] = await Promise.all([first, second]);
    expect(order).toEqual(['other work', 'validated']);
    expect(a).toBe(b);
    expect(a.errors).toBeUndefined();
    expect(cache.misses).toBe(1);
    expect(await cache.getInTurns(query)).toBe(a);
  });
});
