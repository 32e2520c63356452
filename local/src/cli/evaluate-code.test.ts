// Runs `cruddur-local evaluate-code` as a real process, as `aws appsync evaluate-code` would be run.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/cruddur-local.mjs');
let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evaluate-code-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function evaluateCode(code: string, fn: string, context: string, ext = 'js') {
  const file = path.join(dir, `code-${Math.random().toString(36).slice(2)}.${ext}`);
  fs.writeFileSync(file, code);
  const { stdout } = await run(process.execPath, [bin, 'evaluate-code', '--code', file, '--function', fn, '--context', context], { timeout: 60_000 });
  return JSON.parse(stdout) as { evaluationResult?: string; error?: { message: string; codeErrors?: unknown[] }; logs: string[]; stash?: string; outErrors?: string };
}

describe('cruddur-local evaluate-code', () => {
  it('prints evaluationResult as a JSON string, with logs and stash', async () => {
    const code = `import { util } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
export function request(ctx) { console.log('id', ctx.args.id); ctx.stash.k = 1; return ddb.get({ key: { id: ctx.args.id } }); }
export function response(ctx) { return ctx.result; }
`;
    const out = await evaluateCode(code, 'request', '{"arguments":{"id":"abc"}}');
    expect(JSON.parse(out.evaluationResult as string)).toEqual({ operation: 'GetItem', key: { id: { S: 'abc' } } });
    expect(out.logs).toEqual([expect.stringMatching(/^INFO - code-\w+\.js:3:40: id abc$/)]);
    expect(JSON.parse(out.stash as string)).toEqual({ k: 1 });
    expect(out.error).toBeUndefined();
  });

  it('reads the context from a file and reports util.error as error.message', async () => {
    const ctxFile = path.join(dir, 'ctx.json');
    fs.writeFileSync(ctxFile, JSON.stringify({ result: { ok: false } }));
    const out = await evaluateCode("import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return {}; }\nexport function response(ctx) { util.error('not ok', 'Oops'); }\n", 'response', ctxFile);
    expect(out.error).toEqual({ message: 'not ok' });
    expect(out.evaluationResult).toBeUndefined();
  });

  it('refuses code outside the APPSYNC_JS subset with the location', async () => {
    const out = await evaluateCode('export function request(ctx) {\n  let i = 0;\n  while (i < 1) { i += 1; }\n}\n', 'request', '{}');
    expect(out.error?.message).toMatch(/:3:3: while loops are not supported/);
    expect(out.error?.codeErrors).toEqual([{ errorType: 'CODE_ERROR', value: 'while loops are not supported', location: { line: 3, column: 3, span: 0 } }]);
  });

  it('bundles a TypeScript resolver with the AWS recipe first', async () => {
    const code = "import { util } from '@aws-appsync/utils';\nexport function request(ctx: { args: { n: number } }): { N: number } | null {\n  return util.dynamodb.toNumber(ctx.args.n * 2) as { N: number } | null;\n}\nexport function response() { return null; }\n";
    const out = await evaluateCode(code, 'request', '{"args":{"n":21}}', 'ts');
    expect(JSON.parse(out.evaluationResult as string)).toEqual({ N: 42 });
  });

  it('reports a runtime error with its position instead of a stack trace', async () => {
    const out = await evaluateCode('export function request(ctx) {\n  return ctx.args.a.b;\n}\n', 'request', '{}');
    expect(out.error?.message).toMatch(/^code-\w+\.js:2:21: TypeError: Cannot read properties of undefined \(reading 'b'\)$/);
  });

  it('exits with status 2 and usage on bad arguments', async () => {
    await expect(run(process.execPath, [bin, 'evaluate-code', '--function', 'sideways'], { timeout: 60_000 })).rejects.toMatchObject({ code: 2 });
  });
});
