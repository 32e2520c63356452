/**
 * AWS AppSync's EvaluateCode recordings (APPSYNC_JS 1.0.0, captured by localstack/appsync-utils'
 * test suite), run in-process through the same path as `cruddur-local evaluate-code`. Every vector must match,
 * except the ones decision 003 documents: `ls_transform_*` vectors whose expectation is the
 * *parsed* JSON string (localstack/appsync-utils' transform tests parse the helper's string before
 * snapshotting). For those, the runtime must return exactly that JSON as a string.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toResponse, validationResponse, type EvaluateCodeResponse } from '../../cli/evaluate-code.ts';
import { CodeValidationError, compileCode, evaluate } from './index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** `APPSYNC_CONFORMANCE_VECTORS` names the recordings; CI keeps them in a `shared/conformance` folder beside the checkout. */
const vectorsFile = path.resolve(root, process.env.APPSYNC_CONFORMANCE_VECTORS ?? '../shared/conformance/appsync-evaluate-code-vectors.json');

interface Vector {
  name: string;
  code?: string;
  expr?: string;
  function?: 'request' | 'response';
  context?: Record<string, unknown>;
  expected?: unknown;
  expectedError?: string;
  exclude?: boolean;
}

const parse = (s: unknown) => {
  if (typeof s !== 'string') return s;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

function run(v: Vector): EvaluateCodeResponse {
  const code =
    v.code ??
    `import { util, runtime, extensions } from '@aws-appsync/utils';\nimport * as ddb from '@aws-appsync/utils/dynamodb';\nexport function request(ctx) {\n  return ${v.expr};\n}\nexport function response(ctx) { return ctx.result; }\n`;
  try {
    return toResponse(evaluate(compileCode(code, `${v.name}.js`), v.function ?? 'request', v.context ?? {}));
  } catch (e) {
    if (e instanceof CodeValidationError) return validationResponse(e);
    throw e;
  }
}

const haveVectors = fs.existsSync(vectorsFile);
if (!haveVectors) console.warn(`\n⚠ conformance vectors SKIPPED — ${vectorsFile} not found (set APPSYNC_CONFORMANCE_VECTORS).\n`);

describe.skipIf(!haveVectors)('AppSync EvaluateCode conformance vectors', () => {
  it('match, apart from the parsed-string recordings documented in decision 003', () => {
    const vectors = (JSON.parse(fs.readFileSync(vectorsFile, 'utf8')) as Vector[]).filter((v) => !v.exclude);
    const misses: string[] = [];
    const documented: string[] = [];
    for (const v of vectors) {
      const out = run(v);
      if (v.expectedError !== undefined) {
        if (!out.error?.message?.includes(v.expectedError)) misses.push(`${v.name}: expected error ${v.expectedError}, got ${JSON.stringify(out).slice(0, 200)}`);
        continue;
      }
      const got = out.evaluationResult === undefined ? undefined : parse(out.evaluationResult);
      const same = typeof got === 'string' && typeof v.expected === 'string' ? isDeepStrictEqual(parse(got), parse(v.expected)) : isDeepStrictEqual(got, v.expected);
      if (same) continue;
      if (v.name.startsWith('ls_transform_') && typeof got === 'string' && typeof v.expected === 'object' && isDeepStrictEqual(JSON.parse(got), v.expected)) {
        documented.push(v.name);
        continue;
      }
      misses.push(`${v.name}: expected ${JSON.stringify(v.expected).slice(0, 160)}, got ${JSON.stringify(out).slice(0, 200)}`);
    }
    expect(misses).toEqual([]);
    expect(vectors.length - documented.length).toBeGreaterThanOrEqual(100);
  });
});
