import { describe, expect, it } from 'vitest';
import { bindParameters } from './parameters.ts';

describe('bindParameters', () => {
  it('rewrites :name in code only, keeps :: casts, reuses a position for a repeated name', () => {
    const bound = bindParameters("SELECT :a::text, ':a', \":a\", $$ :a $$, :b, :a -- :b\n, :missing", [
      { name: 'a', value: { longValue: 7 } },
      { name: 'b', value: { isNull: true } },
    ]);
    expect(bound).toEqual({ sql: "SELECT $1::int8::text, ':a', \":a\", $$ :a $$, $2, $1::int8 -- :b\n, :missing", values: ['7', null] });
  });

  it('types each kind of value as the Data API does', () => {
    const bound = bindParameters(':s :b :d :x :arr :h', [
      { name: 's', value: { stringValue: 'x' } },
      { name: 'b', value: { booleanValue: false } },
      { name: 'd', value: { doubleValue: 0.5 } },
      { name: 'x', value: { blobValue: Buffer.from([0xca, 0xfe]).toString('base64') } },
      { name: 'arr', value: { arrayValue: { arrayValues: [{ longValues: [1, 2] }, { longValues: [3, 4] }] } } },
      { name: 'h', value: { stringValue: '12:30:00' }, typeHint: 'TIME' },
    ]);
    expect(bound.sql).toBe('$1::varchar $2::bool $3::float8 $4::bytea $5::int8[] $6::time');
    expect(bound.values).toEqual(['x', 'f', '0.5', '\\xcafe', '{{"1","2"},{"3","4"}}', '12:30:00']);
  });

  it('checks every parameter, used or not', () => {
    expect(() => bindParameters('SELECT 1', [{ name: 'unused', value: { stringValue: 'a', longValue: 1 } }])).toThrow('exactly one member');
  });
});
