// Parity with AWS's own offline check: for each snippet, the runtime's load-time subset check and
// @aws-appsync/eslint-plugin (through the repository's root eslint.config.js, type-aware) agree on
// whether the code is acceptable. The snippets are linted as the text of an existing resolver
// path (lintText with a virtual filePath); no file is written.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CodeValidationError, compileCode } from '../index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const virtualPath = path.join(root, 'resolvers/lib/cruds.ts');
const IMPORT = "import { util } from '@aws-appsync/utils';\n";

const snippets: [string, string, boolean][] = [
  ['array callbacks', 'export function request(ctx: { args: { xs: number[] } }) {\n  return ctx.args.xs.map((x) => x * 2).filter((x) => x > 2);\n}\n', true],
  ['Object helpers and for-of', 'export function request(ctx: { args: Record<string, number> }) {\n  let n = 0;\n  for (const k of Object.keys(ctx.args)) { n += ctx.args[k]; }\n  return { n, id: util.autoId() };\n}\n', true],
  ['while', 'export function request() {\n  let i = 0;\n  while (i < 2) { i += 1; }\n  return i;\n}\n', false],
  ['++', 'export function request() {\n  let i = 0;\n  i++;\n  return i;\n}\n', false],
  ['in', "export function request(ctx: { args: object }) {\n  return 'a' in ctx.args;\n}\n", false],
  ['sort comparator', 'export function request(ctx: { args: { xs: number[] } }) {\n  return ctx.args.xs.sort((a, b) => a - b);\n}\n', false],
  ['recursion', 'function f(n: number): number {\n  return n > 0 ? f(n - 1) : 0;\n}\nexport function request() {\n  return f(2);\n}\n', false],
  ['padStart', "export function request(ctx: { args: { s: string } }) {\n  return ctx.args.s.padStart(4, '0');\n}\n", false],
];

describe('subset check agrees with @aws-appsync/eslint-plugin', () => {
  it('accepts and rejects the same snippets', { timeout: 120_000 }, async () => {
    // typescript-eslint switches to "single run" when CI=true and then types the file as it is on
    // disk, ignoring lintText's text; these snippets need their own text typed.
    process.env.TSESTREE_SINGLE_RUN = 'false';
    const eslint = new ESLint({ cwd: root });
    for (const [name, body, acceptable] of snippets) {
      const [lint] = await eslint.lintText(`${IMPORT}${body}`, { filePath: virtualPath });
      const pluginErrors = lint.messages.filter((m) => m.ruleId?.startsWith('@aws-appsync/'));
      // The runtime sees what esbuild makes of the TypeScript, as it does for real resolvers.
      const { transformSync } = await import('esbuild');
      const js = transformSync(`${IMPORT}${body}`, { loader: 'ts', format: 'esm' }).code;
      let runtimeAccepts = true;
      try {
        compileCode(js, `${name}.js`);
      } catch (e) {
        if (!(e instanceof CodeValidationError)) throw e;
        runtimeAccepts = false;
      }
      expect({ name, plugin: pluginErrors.length === 0, runtime: runtimeAccepts }).toEqual({ name, plugin: acceptable, runtime: acceptable });
    }
  });
});
