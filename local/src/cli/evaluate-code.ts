/**
 * `cruddur-local evaluate-code --code FILE --function request|response --context FILE_OR_JSON`:
 * the offline twin of `aws appsync evaluate-code --runtime name=APPSYNC_JS,runtimeVersion=1.0.0`.
 * Prints the EvaluateCode response document (evaluationResult, error, logs, stash, outErrors) as
 * the AWS CLI does. A `.ts` file is bundled first with the resolver recipe; JavaScript is taken as
 * given, exactly as AppSync takes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadApp } from './app-module.ts';
import { parseArgs } from 'node:util';
import { CodeValidationError, compileCode, evaluate, type Evaluation } from '../appsync/runtime/index.ts';

const USAGE = 'Usage: cruddur-local evaluate-code --code FILE --function request|response --context FILE_OR_JSON [--runtime name=APPSYNC_JS,runtimeVersion=1.0.0] [--app MODULE]\n';

interface CodeError { errorType: string; value: string; location?: { line: number; column: number; span: number } }
export interface EvaluateCodeResponse {
  evaluationResult?: string;
  error?: { message: string; codeErrors?: CodeError[] };
  logs: string[];
  stash?: string;
  outErrors?: string;
}

/** `file://x`, a path, or inline JSON (the AWS CLI accepts the first and the last). */
function readArgument(value: string): string {
  if (value.startsWith('file://')) return fs.readFileSync(value.slice('file://'.length), 'utf8');
  if (/^\s*[[{]/.test(value)) return value;
  return fs.readFileSync(value, 'utf8');
}

/** Builds the response document for one evaluation. */
export function toResponse(ev: Evaluation): EvaluateCodeResponse {
  const out: EvaluateCodeResponse = {} as EvaluateCodeResponse;
  if (ev.runtimeError) {
    const e = ev.runtimeError;
    // AppSync prefixes code errors with their position: "code.js:12:5: TypeError: …".
    out.error = { message: e.line !== undefined ? `${e.file}:${e.line}:${e.column ?? 0}: ${e.message}` : e.message };
    if (e.line !== undefined) out.error.codeErrors = [{ errorType: 'RUNTIME_ERROR', value: e.message, location: { line: e.line, column: e.column ?? 0, span: 0 } }];
  } else if (ev.error) {
    out.error = { message: ev.error.message };
  } else {
    out.evaluationResult = JSON.stringify(ev.value === undefined ? null : ev.value);
  }
  out.logs = ev.logs;
  out.stash = JSON.stringify(ev.stash ?? {});
  out.outErrors = JSON.stringify(ev.errors);
  return out;
}

export function validationResponse(e: CodeValidationError): EvaluateCodeResponse {
  return {
    error: {
      message: e.message,
      codeErrors: e.violations.map((v) => ({ errorType: 'CODE_ERROR', value: v.message, location: { line: v.line, column: v.column, span: 0 } })),
    },
    logs: [],
  };
}

export async function run(args: string[]): Promise<number> {
  let values: { code?: string; function?: string; context?: string; runtime?: string; app?: string };
  try {
    ({ values } = parseArgs({ args, options: { code: { type: 'string' }, function: { type: 'string' }, context: { type: 'string' }, runtime: { type: 'string' }, app: { type: 'string' } } }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.code || !values.context || (values.function !== 'request' && values.function !== 'response')) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (values.runtime && !/name=APPSYNC_JS/.test(values.runtime)) {
    process.stderr.write('Only the APPSYNC_JS runtime is supported\n');
    return 2;
  }
  const codeFile = values.code.replace(/^file:\/\//, '');
  let context: Record<string, unknown>;
  let source: string;
  try {
    source = /\.(ts|mts|cts)$/.test(codeFile)
      ? // A TypeScript resolver is bundled the way its app bundles resolvers (Cruddur's, or --app's).
        await (await loadApp(values.app)).bundleResolver(path.resolve(codeFile))
      : fs.readFileSync(codeFile, 'utf8');
    context = JSON.parse(readArgument(values.context)) as Record<string, unknown>;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 255;
  }
  let response: EvaluateCodeResponse;
  try {
    const compiled = compileCode(source, path.basename(codeFile));
    response = toResponse(evaluate(compiled, values.function, context));
  } catch (e) {
    if (!(e instanceof CodeValidationError)) throw e;
    response = validationResponse(e);
  }
  process.stdout.write(`${JSON.stringify(response, null, 4)}\n`);
  return 0;
}
