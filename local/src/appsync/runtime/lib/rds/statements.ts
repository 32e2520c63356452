/**
 * createPgStatement / createMySQLStatement: render one or two statements into the request a
 * RELATIONAL_DATABASE data source runs. Identifiers are quoted per dialect ("…" for PostgreSQL,
 * `…` for MySQL), each dot-separated segment on its own, with the quote character doubled inside a
 * segment (the typings promise "quoted and escaped"); a bare `*` stays unquoted. Messages and
 * clause layout follow AppSync's EvaluateCode output, dangling keywords included.
 */
import { refuse } from '../util/code-error.ts';
import { isMap, statementOf, Variables, type RdsRequest, type Statement } from './values.ts';
import { whereClause, type Rendering } from './where.ts';

/** AppSync's RDS request carries at most two statements (developer guide, "Creating statements"). */
const MAX_STATEMENTS = 2;

interface Dialect { name: string; quoteChar: string; returning: boolean }
const POSTGRES: Dialect = { name: 'createPgStatement', quoteChar: '"', returning: true };
const MYSQL: Dialect = { name: 'createMySQLStatement', quoteChar: '`', returning: false };

class Renderer implements Rendering {
  readonly vars = new Variables();
  constructor(private readonly dialect: Dialect) {}

  quote = (identifier: string): string => {
    if (identifier === '*') return identifier;
    const q = this.dialect.quoteChar;
    return identifier.split('.').map((part) => q + part.split(q).join(q + q) + q).join('.');
  };

  /** Clauses that render to nothing leave no gap; the end is trimmed (AppSync's layout). */
  private join(parts: string[]): string {
    return parts.filter((p) => p !== '').join(' ').trimEnd();
  }

  private tableName(name: unknown): string {
    if (typeof name === 'string') return this.quote(name);
    if (!isMap(name)) refuse('table name is expected to be a string or alias.');
    const entries = Object.entries(name);
    if (entries.length > 1) refuse('table alias is allowed only one key-value pair.');
    // AppSync leaks its Java exception for an empty alias object; kept verbatim.
    if (entries.length === 0) refuse('java.util.NoSuchElementException');
    const [key, value] = entries[0];
    if (typeof value !== 'string') refuse('Table alias value is expected to be a string.');
    // AppSync renders the alias object's value first, then `as`, then its key.
    return `${this.quote(value)} as ${this.quote(key)}`;
  }

  /** `from` is select's synonym for `table`; the other verbs ignore it. */
  private table(p: Record<string, unknown>, allowFrom: boolean): string {
    const { table, from } = p;
    const has = (v: unknown) => v !== null && v !== undefined;
    if (allowFrom && has(table) && has(from)) refuse("'from' and 'table' keys cannot be used together");
    if (allowFrom && !has(table) && has(from)) {
      if (typeof from !== 'string' && !isMap(from)) refuse("'from' value is expected to be string or object.");
      return this.tableName(from);
    }
    if (!has(table)) refuse("'table' or 'from' key is required.");
    return this.tableName(table);
  }

  private columns(columns: unknown): string {
    if (columns === '*') return '*';
    if (!Array.isArray(columns)) refuse('Expected column to be * or an array.');
    return columns.map((c: unknown) => (typeof c === 'string' ? this.quote(c) : refuse('Invalid type in column array.'))).join(', ');
  }

  private returning(returning: unknown): string {
    if (!returning) return '';
    const list = this.columns(returning);
    if (!this.dialect.returning) refuse('returning is not supported in MySQL.');
    return `RETURNING ${list}`;
  }

  private values(p: Record<string, unknown>, verb: string): Record<string, unknown> {
    const { values } = p;
    if (values === null || values === undefined) refuse(`values are expected to be passed to ${verb}`);
    // AppSync's wording.
    if (!isMap(values)) refuse('Expected values to an Object.');
    return values;
  }

  private orderBy(orderBy: unknown): string {
    if (orderBy === null || orderBy === undefined) return '';
    if (!Array.isArray(orderBy)) refuse('orderBy expects an array.');
    if (orderBy.length === 0) return '';
    return `ORDER BY ${orderBy.map((item: unknown) => {
      if (!isMap(item)) refuse('orderBy item expected to be an object.');
      if (typeof item.column !== 'string') refuse('orderBy item expected to have property column.');
      // Only a string direction is looked at (anything else sorts ascending), so it cannot carry SQL.
      const dir = typeof item.dir === 'string' ? item.dir.toUpperCase() : 'ASC';
      if (dir !== 'ASC' && dir !== 'DESC') refuse(`orderBy dir can have either ASC or DESC found ${String(item.dir)}.`);
      return `${this.quote(item.column)} ${dir}`;
    }).join(', ')}`;
  }

  /** LIMIT/OFFSET are bound as numbers; numeric strings are converted, an empty string is not a number. */
  private count(value: unknown, keyword: 'limit' | 'offset'): string {
    if (value === null || value === undefined) return '';
    const n = value === '' ? NaN : Number(value);
    if (Number.isNaN(n)) refuse(`${keyword} expects a number.`);
    return `${keyword.toUpperCase()} ${this.vars.bind(n)}`;
  }

  statement(s: Statement): string {
    if (s.kind === 'sql') return this.vars.template(s.strings, s.values);
    const p = s.payload;
    switch (s.kind) {
      case 'select': {
        const columns = p.columns === null || p.columns === undefined ? '*' : this.columns(p.columns);
        return this.join(['SELECT', columns, `FROM ${this.table(p, true)}`, whereClause(this, p.where), this.orderBy(p.orderBy), this.count(p.limit, 'limit'), this.count(p.offset, 'offset')]);
      }
      case 'insert': {
        const values = Object.entries(this.values(p, 'insert'));
        const table = this.table(p, false);
        const names = values.map(([k]) => this.quote(k)).join(', ');
        const bound = values.map(([, v]) => this.vars.bindOrNull(v)).join(', ');
        return this.join([`INSERT INTO ${table}`, `(${names}) VALUES (${bound})`, this.returning(p.returning)]);
      }
      case 'update': {
        const values = Object.entries(this.values(p, 'update'));
        const table = this.table(p, false);
        const set = values.map(([k, v]) => `${this.quote(k)} = ${this.vars.bindOrNull(v)}`).join(', ');
        return this.join([`UPDATE ${table}`, 'SET', set, whereClause(this, p.where)]);
      }
      case 'remove':
        return this.join([`DELETE FROM ${this.table(p, false)}`, whereClause(this, p.where), this.returning(p.returning)]);
    }
  }

  render(args: unknown[]): RdsRequest {
    const name = this.dialect.name;
    if (args.length === 0 || args[0] === undefined) refuse(`An argument is expected to be passed to ${name}`);
    const given = args.filter((a, i) => i === 0 || (a !== null && a !== undefined));
    // Chosen wording: AWS documents the limit of two but not the message.
    if (given.length > MAX_STATEMENTS) refuse(`${name} accepts at most ${MAX_STATEMENTS} statements, got ${given.length}.`);
    const statements = given.map((a) => {
      if (typeof a === 'string') return a;
      const s = statementOf(a);
      return s ? this.statement(s) : refuse(`Unsupported type is passed as argument to ${name}`);
    });
    return { statements, variableMap: this.vars.variableMap, variableTypeHintMap: this.vars.variableTypeHintMap };
  }
}

/** A PostgreSQL request: identifiers quoted with `"`, RETURNING allowed. */
export function createPgStatement(...statements: unknown[]): RdsRequest {
  return new Renderer(POSTGRES).render(statements);
}

/** A MySQL request: identifiers quoted with backticks; `returning` is refused. */
export function createMySQLStatement(...statements: unknown[]): RdsRequest {
  return new Renderer(MYSQL).render(statements);
}
