import { describe, expect, it } from 'vitest';
import { splitStatements, sqlSpans } from './sql-lexer.ts';

describe('sqlSpans', () => {
  it('gives the input back, with strings, identifiers, dollar bodies and comments apart from code', () => {
    const sql = `SELECT 'it''s; :x', "a""b", E'\\'; still', $fn$ ; :y $fn$, $1, a$b -- c; :z\n/* outer /* inner; */ still */ :w`;
    const spans = sqlSpans(sql);
    expect(spans.map((s) => s.text).join('')).toBe(sql);
    expect(spans.filter((s) => s.kind === 'quoted').map((s) => s.text)).toEqual([`'it''s; :x'`, '"a""b"', `'\\'; still'`, '$fn$ ; :y $fn$']);
    expect(spans.filter((s) => s.kind === 'comment').map((s) => s.text)).toEqual(['-- c; :z\n', '/* outer /* inner; */ still */']);
  });
});

describe('splitStatements', () => {
  it('splits at top-level semicolons only and drops empty or comment-only statements', () => {
    const script = `-- header\nCREATE TABLE t (v text DEFAULT ';');\n\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n;\n/* trailing; comment */\nINSERT INTO t VALUES ('a;b')`;
    expect(splitStatements(script)).toEqual([
      `-- header\nCREATE TABLE t (v text DEFAULT ';')`,
      'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql',
      `/* trailing; comment */\nINSERT INTO t VALUES ('a;b')`,
    ]);
  });
});
