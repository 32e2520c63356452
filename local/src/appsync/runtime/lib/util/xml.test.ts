// util.xml: the developer guide's two documented examples ("XML helpers in util.xml") as exact
// output, plus the org.json conventions those examples follow.
import { describe, expect, it } from 'vitest';
import { toJsonString, toMap } from './xml.ts';

const one = `<?xml version="1.0" encoding="UTF-8"?>
<posts>
<post>
  <id>1</id>
  <title>Getting started with GraphQL</title>
</post>
</posts>`;

const two = `<?xml version="1.0" encoding="UTF-8"?>
<posts>
<post>
  <id>1</id>
  <title>Getting started with GraphQL</title>
</post>
<post>
  <id>2</id>
  <title>Getting started with AppSync</title>
</post>
</posts>`;

describe('util.xml', () => {
  it('converts the guide\'s examples exactly (repeated siblings become an array)', () => {
    expect(toMap(one)).toEqual({ posts: { post: { id: 1, title: 'Getting started with GraphQL' } } });
    expect(toMap(two)).toEqual({ posts: { post: [{ id: 1, title: 'Getting started with GraphQL' }, { id: 2, title: 'Getting started with AppSync' }] } });
  });

  it('toJsonString gives the same as JSON text, string-encoded again on request', () => {
    const json = '{"posts":{"post":{"id":1,"title":"Getting started with GraphQL"}}}';
    expect(toJsonString(one)).toBe(json);
    expect(toJsonString(one, true)).toBe(JSON.stringify(json));
  });

  it('types text the org.json way, keeps attributes, content, CDATA and entities', () => {
    expect(toMap('<r><a>007</a><b>-1.5</b><c>TRUE</c><d/><e>null</e><f>1e3</f></r>')).toEqual({ r: { a: '007', b: -1.5, c: true, d: '', e: null, f: 1000 } });
    expect(toMap('<r id="7" kind=\'x\'>hi &amp; bye<!-- skipped --><![CDATA[<raw> 1]]></r>')).toEqual({ r: { id: 7, kind: 'x', content: ['hi & bye', '<raw> 1'] } });
    expect(toMap('<r><x a="1"/><x>2</x></r>')).toEqual({ r: { x: [{ a: 1 }, 2] } });
  });

  it('refuses malformed XML with a message and survives deep nesting', () => {
    expect(() => toMap('<a><b></a>')).toThrow('Unable to parse XML: mismatched b and a');
    expect(() => toMap('<a>')).toThrow('Unable to parse XML: unclosed tag a');
    const deep = `${'<n>'.repeat(20000)}x${'</n>'.repeat(20000)}`;
    let v: unknown = toMap(deep);
    for (let i = 0; i < 20000; i += 1) v = (v as Record<string, unknown>).n;
    expect(v).toBe('x');
  });
});
