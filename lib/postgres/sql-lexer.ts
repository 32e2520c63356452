/**
 * Postgres's lexical structure, as far as finding statement boundaries and `:name` parameters
 * needs it: what is SQL code, and what is inside a string ('…', E'…' with backslash escapes),
 * a quoted identifier ("…"), a dollar-quoted body ($tag$…$tag$) or a comment (-- …, nested
 * /* … *\/). See "Lexical Structure" in the PostgreSQL manual. Used by the migration runner
 * (splitting files into statements) and the offline Data API (binding named parameters).
 */

export interface SqlSpan {
  kind: 'code' | 'quoted' | 'comment';
  text: string;
}

const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** Where the quoted text or comment starting at `i` ends (exclusive); the input's end when unterminated. */
function endOfSpecial(sql: string, i: number): number {
  const c = sql[i];
  if (c === '-') {
    const nl = sql.indexOf('\n', i);
    return nl === -1 ? sql.length : nl + 1;
  }
  if (c === '/') {
    let depth = 0;
    for (let j = i; j < sql.length - 1; j++) {
      if (sql[j] === '/' && sql[j + 1] === '*') {
        depth++;
        j++;
      } else if (sql[j] === '*' && sql[j + 1] === '/') {
        depth--;
        j++;
        if (depth === 0) return j + 1;
      }
    }
    return sql.length;
  }
  if (c === '$') {
    const tag = DOLLAR_TAG.exec(sql.slice(i))![0];
    const close = sql.indexOf(tag, i + tag.length);
    return close === -1 ? sql.length : close + tag.length;
  }
  // ' or " (an E'…' string allows backslash escapes; the E itself is code).
  const backslashes = c === "'" && i > 0 && /[eE]/.test(sql[i - 1]) && (i < 2 || !/[A-Za-z0-9_]/.test(sql[i - 2]));
  for (let j = i + 1; j < sql.length; j++) {
    if (backslashes && sql[j] === '\\') j++;
    else if (sql[j] === c) {
      if (sql[j + 1] === c) j++;
      else return j + 1;
    }
  }
  return sql.length;
}

function startsSpecial(sql: string, i: number): 'quoted' | 'comment' | undefined {
  const c = sql[i];
  if (c === "'" || c === '"') return 'quoted';
  if (c === '-' && sql[i + 1] === '-') return 'comment';
  if (c === '/' && sql[i + 1] === '*') return 'comment';
  // `$1` is a positional parameter, `a$b` part of an identifier; `$tag$` or `$$` opens a body.
  if (c === '$' && (i === 0 || !/[A-Za-z0-9_]/.test(sql[i - 1])) && DOLLAR_TAG.test(sql.slice(i, i + 64))) return 'quoted';
  return undefined;
}

/** Splits SQL text into code, quoted and comment spans, in order; joined they give the input back. */
export function sqlSpans(sql: string): SqlSpan[] {
  const spans: SqlSpan[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const kind = startsSpecial(sql, i);
    if (!kind) {
      i++;
      continue;
    }
    if (i > start) spans.push({ kind: 'code', text: sql.slice(start, i) });
    const end = endOfSpecial(sql, i);
    spans.push({ kind, text: sql.slice(i, end) });
    start = i = end;
  }
  if (start < sql.length) spans.push({ kind: 'code', text: sql.slice(start) });
  return spans;
}

/**
 * The statements of a SQL script, split at top-level semicolons, each trimmed and without its
 * semicolon; statements that are only whitespace and comments are dropped.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let hasCode = false;
  const finish = () => {
    if (hasCode) statements.push(current.trim());
    current = '';
    hasCode = false;
  };
  for (const span of sqlSpans(sql)) {
    if (span.kind !== 'code') {
      current += span.text;
      hasCode ||= span.kind === 'quoted';
      continue;
    }
    const parts = span.text.split(';');
    parts.forEach((part, n) => {
      if (n > 0) finish();
      current += part;
      hasCode ||= part.trim() !== '';
    });
  }
  finish();
  return statements;
}
