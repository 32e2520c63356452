// Each construct AppSync rejects (developer guide "Supported runtime features" and
// @aws-appsync/eslint-plugin's recommended rules) must be refused at load time with its line.
import { describe, expect, it } from 'vitest';
import { CodeValidationError, compileCode } from '../index.ts';

const HEADER = "import { util } from '@aws-appsync/utils';\n";

function violationsOf(body: string): { line: number; message: string }[] {
  try {
    compileCode(`${HEADER}${body}`, 'code.js');
  } catch (e) {
    if (e instanceof CodeValidationError) return e.violations;
    throw e;
  }
  return [];
}

const rejected: [string, string, RegExp][] = [
  ['try/catch', 'export function request(ctx) {\n  try { return 1; } catch (e) { return 2; }\n}', /try/],
  ['throw', "export function request(ctx) {\n  throw new Error('x');\n}", /throw/],
  ['while', 'export function request(ctx) {\n  while (ctx.a) { ctx.stash.x = 1; }\n}', /while/],
  ['do-while', 'export function request(ctx) {\n  do { ctx.stash.x = 1; } while (ctx.a);\n}', /do-while/],
  ['classic for', 'export function request(ctx) {\n  for (let i = 0; i < 3; i += 1) { ctx.stash.x = i; }\n}', /for\(;;\)/],
  ['continue', 'export function request(ctx) {\n  for (const x of ctx.args.xs) { if (x) continue; }\n}', /continue/],
  ['label', 'export function request(ctx) {\n  outer: for (const x of ctx.args.xs) { break outer; }\n}', /labeled/],
  ['++', 'export function request(ctx) {\n  let n = 0; n++;\n}', /\+\+/],
  ['--', 'export function request(ctx) {\n  let n = 0; --n;\n}', /--/],
  ['~', 'export function request(ctx) {\n  return ~ctx.args.n;\n}', /~/],
  ['in operator', "export function request(ctx) {\n  return 'a' in ctx.args;\n}", /'in'/],
  ['instanceof', 'export function request(ctx) {\n  return ctx.args instanceof Object;\n}', /instanceof/],
  ['class', 'class A {}\nexport function request(ctx) { return 1; }', /Classes/],
  ['async', 'export async function request(ctx) {\n  return 1;\n}', /async/],
  ['await', 'export async function request(ctx) {\n  return await ctx.x;\n}', /await/],
  ['Promise', 'export function request(ctx) {\n  return Promise.resolve(1);\n}', /Promise/],
  ['generator', 'function* gen() { yield 1; }\nexport function request(ctx) { return 1; }', /Generators/],
  ['yield', 'function* gen() { yield 1; }\nexport function request(ctx) { return 1; }', /yield/],
  ['this', 'export function request(ctx) {\n  return this;\n}', /'this'/],
  ['regex literal', 'export function request(ctx) {\n  return /a+/.test(ctx.args.s);\n}', /Regular expression/],
  ['direct recursion', 'function f(n) { return n ? f(n - 1) : 0; }\nexport function request(ctx) { return f(3); }', /Recursion/],
  ['mutual recursion', 'function f(n) { return g(n); }\nfunction g(n) { return n ? f(n - 1) : 0; }\nexport function request(ctx) { return f(3); }', /Recursion/],
  ['function passed to a non-array method', 'function cb() { return 1; }\nexport function request(ctx) {\n  return util.foo(cb);\n}', /passed as an argument/],
  ['sort comparator', 'export function request(ctx) {\n  return ctx.args.xs.sort((a, b) => a - b);\n}', /passed as an argument/],
  ['function returned', 'export function request(ctx) {\n  return () => 1;\n}', /returned/],
  ['function reassigned', 'function f() { return 1; }\nexport function request(ctx) {\n  f = null;\n}', /reassigned/],
  ['Array.from', 'export function request(ctx) {\n  return Array.from(ctx.args.xs);\n}', /Array\.from/],
  ['Object.freeze', 'export function request(ctx) {\n  return Object.freeze({});\n}', /Object\.freeze/],
  ['padStart', "export function request(ctx) {\n  return ctx.args.s.padStart(3, '0');\n}", /padStart/],
  ['String.fromCharCode', 'export function request(ctx) {\n  return String.fromCharCode(65);\n}', /String\.fromCharCode/],
  ['Date setter', 'export function request(ctx) {\n  const d = new Date(); d.setHours(1); return d;\n}', /setHours/],
  ['toLocaleString', 'export function request(ctx) {\n  return new Date().toLocaleString();\n}', /toLocaleString/],
  ['ctx reassigned', 'export function request(ctx) {\n  ctx.result = 1;\n}', /ctx is readonly/],
  ['unknown import', "import x from './other.js';\nexport function request(ctx) { return x; }", /Cannot import/],
];

describe('the APPSYNC_JS subset check', () => {
  it.each(rejected)('rejects %s with its line number', (_name, body, message) => {
    const violations = violationsOf(body);
    expect(violations.length).toBeGreaterThan(0);
    const hit = violations.find((v) => message.test(v.message));
    expect(hit, JSON.stringify(violations)).toBeDefined();
    // The offending construct sits on line 2 or 3 of the file (line 1 is the import).
    expect(hit?.line).toBeGreaterThanOrEqual(2);
  });

  it('names file, line and column in the error message', () => {
    expect(() => compileCode(`${HEADER}export function request(ctx) {\n  let n = 0;\n  n++;\n}`, 'Query.me.js')).toThrow(/Query\.me\.js:4:3: The operator \+\+ is not supported/);
  });

  it('reports syntax errors with their position', () => {
    expect(() => compileCode(`${HEADER}export function request(ctx) {\n  return {;\n}`, 'bad.js')).toThrow(/bad\.js:3:\d+: SyntaxError/);
  });

  it('accepts everything the subset allows', () => {
    const body = `import * as ddb from '@aws-appsync/utils/dynamodb';
const LIMIT = 20;
function clamp(n) { return n > LIMIT ? LIMIT : n; }
export function request(ctx) {
  const { limit = 10, ...rest } = ctx.args;
  let total = 0;
  for (const x of [1, 2, 3]) { total += x; if (total > 4) break; }
  for (const k in rest) { total += k.length; }
  const doubled = [3, 1, 2].map((x) => x * 2).filter((x) => x > 2).sort();
  const found = doubled.find((x) => x === 4) ?? null;
  const label = \`total \${total} of \${clamp(limit)}\`;
  switch (typeof found) { case 'number': total = total | 1; break; default: total = void 0; }
  delete rest.ignored;
  const has = Object.hasOwn(rest, 'x') && Object.keys(rest).length >= 0;
  const when = new Date(0).toISOString();
  return ddb.get({ key: { id: label + when + has + JSON.stringify(Object.entries(rest)) + Math.max(1, 2) } });
}
export function response(ctx) { return ctx.prev?.result ?? ctx.result; }
`;
    expect(violationsOf(body)).toEqual([]);
  });
});
