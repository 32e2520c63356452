// The runtime contract: isolation, per-evaluation state, errors, early return, extensions, logs.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { compileCode, evaluate } from './index.ts';

const IMPORTS = "import { util, runtime, extensions } from '@aws-appsync/utils';\nimport * as ddb from '@aws-appsync/utils/dynamodb';\n";
const load = (body: string, name = 'code.js') => compileCode(`${IMPORTS}${body}`, name);

describe('evaluate', () => {
  it('runs request and response with the ctx fields AppSync provides', () => {
    const code = load(`export function request(ctx) { return { id: ctx.args.id, same: ctx.arguments === ctx.args, who: ctx.identity.sub, src: ctx.source }; }
export function response(ctx) { return { result: ctx.result, prev: ctx.prev.result, info: ctx.info.fieldName, header: ctx.request.headers['x-a'] }; }`);
    expect(code).toEqual({ filename: 'code.js', hasRequest: true, hasResponse: true });
    expect(evaluate(code, 'request', { arguments: { id: 'x' }, identity: { sub: 'u1' }, source: { a: 1 } }).value).toEqual({ id: 'x', same: true, who: 'u1', src: { a: 1 } });
    expect(evaluate(code, 'response', { result: [1], prev: { result: 2 }, info: { fieldName: 'me' }, request: { headers: { 'x-a': 'h' } } }).value)
      .toEqual({ result: [1], prev: 2, info: 'me', header: 'h' });
  });

  it('ctx.request reads and enumerates like a plain property; changes stay in their evaluation', () => {
    const code = load(`export function request(ctx) {
  const keys = Object.keys(ctx).join(',');
  ctx.request.headers['x-a'] = 'changed';
  const whole = JSON.parse(JSON.stringify(ctx)).request;
  return { keys, whole, same: ctx.request === ctx.request };
}
export function response(ctx) { return ctx.request.headers['x-a']; }`);
    const request = { headers: { 'x-a': 'h' }, domainName: null };
    expect(evaluate(code, 'request', { request }).value).toEqual({
      keys: 'arguments,args,identity,source,stash,result,prev,request,info,env',
      whole: { headers: { 'x-a': 'changed' }, domainName: null },
      same: true,
    });
    // Same request object, next resolver: it sees the request as sent, not the last one's edits.
    expect(evaluate(code, 'response', { request }).value).toBe('h');
    expect(evaluate(code, 'response', {}).value).toBeUndefined();
  });

  it('hands an unchanged stash back as it was, a changed one as the handler left it', () => {
    const code = load(`export function request(ctx) { return ctx.stash.rows.length; }
export function response(ctx) { ctx.stash.rows[0].seen = true; return null; }`);
    const first = evaluate(code, 'response', { stash: { rows: [{ id: 1 }] } });
    expect(first.stash).toEqual({ rows: [{ id: 1, seen: true }] });
    const second = evaluate(code, 'request', { stash: first.stash });
    expect(second.value).toBe(1);
    expect(second.stash).toBe(first.stash);
    // A caller's own object may hold what JSON drops: the handler never saw it, nor does the result.
    const own = { rows: [{ id: 2 }], dropped: undefined };
    const third = evaluate(code, 'request', { stash: own });
    expect(third.stash).not.toBe(own);
    expect(Object.keys(third.stash)).toEqual(['rows']);
    // Changed by the caller after a first use: the new content is what the handler sees.
    own.rows.push({ id: 3 });
    expect(evaluate(code, 'request', { stash: own }).value).toBe(2);
  });

  it('returns undefined for a handler that returns nothing, and passes the stash on', () => {
    const code = load('export function request(ctx) { ctx.stash.seen = [ctx.stash.before, 2]; }');
    const ev = evaluate(code, 'request', { stash: { before: 1 } });
    expect(ev.value).toBeUndefined();
    expect(ev.stash).toEqual({ before: 1, seen: [1, 2] });
  });

  it('util.error aborts with message, type, data and errorInfo', () => {
    const code = load("export function request(ctx) { util.appendError('soft', 'Warn'); util.error('boom', 'MyType', { a: 1 }, { b: 2 }); return 'never'; }");
    const ev = evaluate(code, 'request', {});
    expect(ev.value).toBeUndefined();
    expect(ev.error).toEqual({ message: 'boom', errorType: 'MyType', data: { a: 1 }, errorInfo: { b: 2 } });
    expect(ev.errors).toEqual([{ message: 'soft', errorType: 'Warn' }]);
  });

  it('util.appendError keeps going and util.unauthorized marks the evaluation', () => {
    expect(evaluate(load("export function request(ctx) { util.appendError('a'); util.appendError('b', 'T'); return 1; }"), 'request', {}))
      .toMatchObject({ value: 1, errors: [{ message: 'a', errorType: null }, { message: 'b', errorType: 'T' }] });
    expect(evaluate(load('export function request(ctx) { util.unauthorized(); }'), 'request', {}))
      .toMatchObject({ unauthorized: true, error: { message: 'Unauthorized', errorType: 'Unauthorized' } });
  });

  it('runtime.earlyReturn returns its value with skipTo', () => {
    const ev = evaluate(load("export function request(ctx) { runtime.earlyReturn({ cached: true }, { skipTo: 'END' }); return 'not reached'; }"), 'request', {});
    expect(ev.earlyReturn).toEqual({ value: { cached: true }, skipTo: 'END' });
    expect(ev.value).toEqual({ cached: true });
    expect(evaluate(load('export function request(ctx) { runtime.earlyReturn(); }'), 'request', {}).earlyReturn).toEqual({});
  });

  it('records extensions and response headers', () => {
    const code = load(`export function response(ctx) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ recipientId: { eq: ctx.args.id } }));
  extensions.setSubscriptionInvalidationFilter({ filterGroup: [] });
  extensions.invalidateSubscriptions({ subscriptionField: 'onX', payload: { id: 1 } });
  extensions.evictFromApiCache('Query', 'me', { 'context.arguments.id': 1 });
  util.http.addResponseHeader('x-cache', 'miss');
  return null;
}`);
    const ev = evaluate(code, 'response', { arguments: { id: 'u1' } });
    expect(ev.extensions).toEqual({
      subscriptionFilter: { filterGroup: [{ filters: [{ fieldName: 'recipientId', operator: 'eq', value: 'u1' }] }] },
      subscriptionInvalidationFilter: { filterGroup: [] },
      invalidations: [{ subscriptionField: 'onX', payload: { id: 1 } }],
      evictions: [{ typeName: 'Query', fieldName: 'me', keys: { 'context.arguments.id': 1 } }],
    });
    expect(ev.responseHeaders).toEqual({ 'x-cache': 'miss' });
    expect(ev.value).toBeNull();
  });

  it('util.authType reads the identity shape', () => {
    const code = load('export function request(ctx) { return util.authType(); }');
    expect(evaluate(code, 'request', {}).value).toBe('API Key Authorization');
    expect(evaluate(code, 'request', { identity: { resolverContext: { sub: 'u' } } }).value).toBe('Lambda Authorization');
    expect(evaluate(code, 'request', { identity: { sub: 's', issuer: 'i', claims: {} } }).value).toBe('Open ID Connect Authorization');
    expect(evaluate(code, 'request', { identity: { sub: 's', issuer: 'i', claims: {}, username: 'u', sourceIp: ['1.1.1.1'], defaultAuthStrategy: 'ALLOW', groups: null } }).value).toBe('User Pool Authorization');
  });

  it('captures console output as EvaluateCode log lines', () => {
    const lines: string[] = [];
    const ev = evaluate(load("export function request(ctx) {\n  console.log('hello', { a: 1 });\n  console.error('bad');\n  return 1;\n}"), 'request', {}, { onLog: (l) => lines.push(l) });
    expect(ev.logs).toEqual(['INFO - code.js:4:11: hello {"a":1}', 'ERROR - code.js:5:11: bad']);
    expect(lines).toEqual(ev.logs);
  });

  it('reports errors the code raises with their source position, not as a thrown exception', () => {
    const ev = evaluate(load('export function request(ctx) {\n  return ctx.args.missing.deep;\n}'), 'request', {});
    expect(ev.runtimeError).toEqual({ message: expect.stringMatching(/^TypeError: Cannot read properties of undefined/), file: 'code.js', line: 4, column: 27 });
  });

  it('maps runtime errors to the TypeScript source through the inline source map', async () => {
    const out = await build({
      stdin: { contents: 'type A = { b?: { c: number } };\nexport function request(ctx: { args: A }) {\n  const v: number = ctx.args.b!.c;\n  return v;\n}\n', loader: 'ts', sourcefile: 'Query.x.ts' },
      bundle: true, write: false, format: 'esm', sourcemap: 'inline', sourcesContent: false, target: 'esnext', platform: 'node',
    });
    const ev = evaluate(compileCode(out.outputFiles[0].text, 'Query.x.js'), 'request', { arguments: {} });
    expect(ev.runtimeError).toMatchObject({ file: 'Query.x.ts', line: 3 });
  });

  it('stops a handler that runs past its time', () => {
    const code = load('export function request(ctx) { const xs = [1]; for (const x of xs) { xs.push(x); } return xs.length; }');
    const ev = evaluate(code, 'request', {}, { timeoutMs: 50 });
    expect(ev.runtimeError?.message).toBe('Execution timed out');
    expect(evaluate(load('export function request(ctx) { return 7; }'), 'request', {}).value).toBe(7);
  });
});

describe('isolation', () => {
  it('gives resolver code no host globals', () => {
    const code = load(`export function request(ctx) {
  return [typeof process, typeof require, typeof Buffer, typeof setTimeout, typeof fetch, typeof globalThis.process, typeof module];
}`);
    expect(evaluate(code, 'request', {}).value).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('cannot reach the host through the constructors of runtime objects', () => {
    const code = load(`export function request(ctx) {
  const F = util.autoId.constructor;
  return F('return typeof process')();
}`);
    const ev = evaluate(code, 'request', {});
    expect(ev.value).toBeUndefined();
    expect(ev.runtimeError?.message).toMatch(/EvalError|Code generation from strings disallowed/);
  });

  it('does not carry state from one evaluation to the next', () => {
    const code = load(`let count = 0;
export function request(ctx) {
  count = count + 1;
  ctx.stash.mine = ctx.args.v;
  const before = globalThis.leak ?? null;
  if (ctx.args.v === 'a') { globalThis.leak = ctx.args.v; }
  return { count, stash: ctx.stash, before };
}`);
    const first = evaluate(code, 'request', { arguments: { v: 'a' }, stash: {} });
    const second = evaluate(code, 'request', { arguments: { v: 'b' } });
    expect(first.value).toEqual({ count: 1, stash: { mine: 'a' }, before: null });
    expect(second.value).toEqual({ count: 1, stash: { mine: 'b' }, before: null });
    const overwrite = load("export function request(ctx) { if (ctx.args.x) { globalThis.JSON = null; } return typeof globalThis.JSON; }");
    evaluate(overwrite, 'request', { arguments: { x: true } });
    expect(evaluate(overwrite, 'request', {}).value).toBe('object');
  });

  it('cannot change the built-in modules or prototypes for later evaluations', () => {
    const code = load(`export function request(ctx) {
  if (ctx.args.tamper) { util.autoId = null; }
  return typeof util.autoId;
}`);
    expect(evaluate(code, 'request', { arguments: { tamper: true } }).runtimeError?.message).toMatch(/TypeError/);
    expect(evaluate(code, 'request', {}).value).toBe('function');
    const proto = load("export function request(ctx) { if (ctx.args.tamper) { Object.prototype.polluted = 1; } return ({}).polluted ?? null; }");
    expect(evaluate(proto, 'request', { arguments: { tamper: true } }).runtimeError?.message).toMatch(/TypeError/);
    expect(evaluate(proto, 'request', {}).value).toBeNull();
  });

  it('does not let a returned object alias the caller\'s ctx', () => {
    const code = load('export function request(ctx) { ctx.args.list.push(2); return ctx.args; }');
    const ctx = { arguments: { list: [1] } };
    const ev = evaluate(code, 'request', ctx);
    expect(ev.value).toEqual({ list: [1, 2] });
    expect(ctx.arguments.list).toEqual([1]);
  });

  it('keeps two bundles apart', () => {
    const a = load('export function request(ctx) { return util.dynamodb.toDynamoDB(ctx.args.v); }', 'a.js');
    const b = load('export function request(ctx) { return util.dynamodb.toDynamoDB(ctx.args.v); }', 'b.js');
    expect(evaluate(a, 'request', { args: { v: 1 } }).value).toEqual({ N: 1 });
    expect(evaluate(b, 'request', { args: { v: 's' } }).value).toEqual({ S: 's' });
  });
});
