// `@aws-appsync/utils/rds` run through the real runtime (compile + sandboxed evaluation), with the
// examples of the developer guide's "AWS AppSync JavaScript resolver function reference for Amazon
// RDS" as exact-output checks. Variable names, quoting and clause layout are AppSync's as recorded
// from EvaluateCode (`:P0`, `"col"` / `col` in backticks, `ORDER BY "x" ASC`).
import { describe, expect, it } from 'vitest';
import { compileCode, evaluate } from '../../index.ts';

const RDS_IMPORT = "import { sql, select, insert, update, remove, typeHint, createPgStatement, createMySQLStatement, toJsonObject } from '@aws-appsync/utils/rds';\nimport { util } from '@aws-appsync/utils';\n";

function request(body: string, args: Record<string, unknown> = {}) {
  const code = compileCode(`${RDS_IMPORT}export function request(ctx) {\n${body}\n}\nexport function response(ctx) { return ctx.result; }\n`, 'code.js');
  return evaluate(code, 'request', { arguments: args });
}

const ok = (body: string, args?: Record<string, unknown>) => {
  const ev = request(body, args);
  expect(ev.runtimeError).toBeUndefined();
  return ev.value;
};

const pg = (statement: string, variableMap: Record<string, unknown> = {}, variableTypeHintMap: Record<string, string> = {}) => ({ statements: [statement], variableMap, variableTypeHintMap });

describe('@aws-appsync/utils/rds: the sql tagged template', () => {
  it('binds every expression as a variable, never as SQL text (guide, "SQL tagged template")', () => {
    expect(ok('return createMySQLStatement(sql`SELECT * FROM table WHERE column = ${ctx.args.col}`);', { col: "x' OR 1=1 --" }))
      .toEqual({ statements: ['SELECT * FROM table WHERE column = :P0'], variableMap: { ':P0': "x' OR 1=1 --" }, variableTypeHintMap: {} });
  });

  it('numbers variables across both statements of a request (guide, "Creating statements")', () => {
    const body = 'const { id, text } = ctx.args;\nconst s1 = sql`insert into Post(id, text) values(${id}, ${text})`;\nconst s2 = sql`select * from Post where id = ${id}`;\nreturn createMySQLStatement(s1, s2);';
    expect(ok(body, { id: 'a1', text: 'hello' })).toEqual({
      statements: ['insert into Post(id, text) values(:P0, :P1)', 'select * from Post where id = :P2'],
      variableMap: { ':P0': 'a1', ':P1': 'hello', ':P2': 'a1' },
      variableTypeHintMap: {},
    });
  });

  it('passes a plain string through untouched, and refuses a third statement', () => {
    expect(ok('return createPgStatement("SELECT 1");')).toEqual(pg('SELECT 1'));
    const ev = request('return createPgStatement("SELECT 1", "SELECT 2", "SELECT 3");');
    expect(ev.runtimeError).toEqual({ message: 'createPgStatement accepts at most 2 statements, got 3.', file: 'code.js', line: 4, column: 8 });
  });
});

describe('@aws-appsync/utils/rds: utility functions', () => {
  it('select: table, columns, where, orderBy, limit and offset (the options of the guide\'s "SQL Select")', () => {
    const body = `return createPgStatement(select({
      table: 'persons',
      columns: ['id', 'name'],
      where: { name: { eq: 'Stephane' }, or: [{ id: { gt: 10 } }, { id: { between: [1, 3] } }] },
      orderBy: [{ column: 'name' }, { column: 'id', dir: 'DESC' }],
      limit: 10,
      offset: 40,
    }));`;
    expect(ok(body)).toEqual(pg(
      'SELECT "id", "name" FROM "persons" WHERE "name" = :P0 AND ("id" > :P1) OR ("id" BETWEEN :P2 AND :P3) ORDER BY "name" ASC, "id" DESC LIMIT :P4 OFFSET :P5',
      { ':P0': 'Stephane', ':P1': 10, ':P2': 1, ':P3': 3, ':P4': 10, ':P5': 40 },
    ));
  });

  it('quotes identifiers per dialect: "…" for PostgreSQL, backticks for MySQL, segment by segment', () => {
    expect(ok("return createPgStatement(select({ table: 'public.persons', columns: ['persons.name'] }));")).toEqual(pg('SELECT "persons"."name" FROM "public"."persons"'));
    expect(ok("return createMySQLStatement(select({ table: 'persons', where: { name: { beginsWith: 'St' } } }));"))
      .toEqual({ statements: ['SELECT * FROM `persons` WHERE `name` LIKE :P0'], variableMap: { ':P0': 'St%' }, variableTypeHintMap: {} });
    // A quote character inside a name is doubled, so a name from request input cannot end the identifier.
    expect(ok('return createPgStatement(select({ table: \'persons\', columns: [ctx.args.col] }));', { col: 'x" FROM secrets --' }))
      .toEqual(pg('SELECT "x"" FROM secrets --" FROM "persons"'));
  });

  it('insert and remove with returning (PostgreSQL only), update with a where', () => {
    expect(ok("return createPgStatement(insert({ table: 'persons', values: { name: 'Ann', country: null }, returning: '*' }));"))
      .toEqual(pg('INSERT INTO "persons" ("name", "country") VALUES (:P0, NULL) RETURNING *', { ':P0': 'Ann' }));
    expect(ok("return createPgStatement(update({ table: 'persons', values: { name: 'Ann' }, where: { id: { eq: 7 } } }));"))
      .toEqual(pg('UPDATE "persons" SET "name" = :P0 WHERE "id" = :P1', { ':P0': 'Ann', ':P1': 7 }));
    expect(ok("return createPgStatement(remove({ table: 'persons', where: { id: { eq: 7 } }, returning: ['id'] }));"))
      .toEqual(pg('DELETE FROM "persons" WHERE "id" = :P0 RETURNING "id"', { ':P0': 7 }));
    expect(request("return createMySQLStatement(insert({ table: 'persons', values: { a: 1 }, returning: '*' }));").runtimeError?.message)
      .toBe('returning is not supported in MySQL.');
  });

  it('casts through typeHint (guide, "Casting"), and only a real type hint is honoured', () => {
    const body = "return createPgStatement(sql`SELECT ${typeHint.UUID(ctx.args.id)}, ${typeHint.DATE('2024-01-02')}, ${typeHint.JSON('{}')}, ${typeHint.DECIMAL('1.5')}, ${typeHint.TIME('10:00:00')}, ${typeHint.TIMESTAMP('2024-01-02 10:00:00')}, ${ctx.args.spoof}`);";
    expect(ok(body, { id: 'u-1', spoof: { type: 'UUID', value: 'x' } })).toEqual(pg(
      'SELECT :P0, :P1, :P2, :P3, :P4, :P5, :P6',
      { ':P0': 'u-1', ':P1': '2024-01-02', ':P2': '{}', ':P3': '1.5', ':P4': '10:00:00', ':P5': '2024-01-02 10:00:00', ':P6': { type: 'UUID', value: 'x' } },
      { ':P0': 'UUID', ':P1': 'DATE', ':P2': 'JSON', ':P3': 'DECIMAL', ':P4': 'TIME', ':P5': 'TIMESTAMP' },
    ));
  });

  it('refuses bad input with AppSync\'s message at the calling line, never with a host exception', () => {
    const cases: [string, string][] = [
      ['return createPgStatement(select({}));', "'table' or 'from' key is required."],
      ["return createPgStatement(select({ table: 't', where: { id: { in: [1] } } }));", 'Unsupported condition id.in.'],
      ["return createPgStatement(select({ table: 't', orderBy: [{ column: 'a', dir: '; DROP TABLE t' }] }));", 'orderBy dir can have either ASC or DESC found ; DROP TABLE t.'],
      ["return createPgStatement(select({ table: 't', where: { and: [{ or: [{ a: { eq: null } }] }] } }));", "Value for a.eq can't be null."],
      ['return createPgStatement(42);', 'Unsupported type is passed as argument to createPgStatement'],
      ['return createPgStatement();', 'An argument is expected to be passed to createPgStatement'],
    ];
    for (const [body, message] of cases) expect(request(body).runtimeError, body).toEqual({ message, file: 'code.js', line: 4, column: 8 });
  });
});

describe('toJsonObject', () => {
  const books = {
    sqlStatementResults: [
      { numberOfRecordsUpdated: 1, generatedFields: [] },
      {
        numberOfRecordsUpdated: 0,
        records: [
          [{ stringValue: 'Mark Twain' }, { stringValue: 'Adventures of Huckleberry Finn' }, { stringValue: '978-1948132817' }, { isNull: true }],
          [{ stringValue: 'Jack London' }, { stringValue: 'The Call of the Wild' }, { stringValue: '978-1948132275' }, { arrayValue: { longValues: [1, 2] } }],
        ],
        columnMetadata: [{ name: 'author', label: 'author' }, { name: 'title', label: 'title' }, { name: 'isbn', label: 'ISBN-13' }, { name: 'tags' }],
      },
    ],
  };

  it('turns each statement result into rows keyed by column label, leaving NULLs out (the Books example of the typings)', () => {
    const expected = [
      [{}],
      [
        { author: 'Mark Twain', title: 'Adventures of Huckleberry Finn', 'ISBN-13': '978-1948132817' },
        { author: 'Jack London', title: 'The Call of the Wild', 'ISBN-13': '978-1948132275', tags: [1, 2] },
      ],
    ];
    const code = compileCode(`${RDS_IMPORT}export function request(ctx) { return {}; }\nexport function response(ctx) { return [toJsonObject(ctx.result), util.rds.toJsonObject(ctx.result)]; }\n`, 'code.js');
    expect(evaluate(code, 'response', { result: JSON.stringify(books) }).value).toEqual([expected, expected]);
  });
});
