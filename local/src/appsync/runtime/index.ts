/**
 * The APPSYNC_JS runtime: validates resolver bundles against AppSync's language subset, compiles
 * each once into its own isolated vm context, and evaluates `request` / `response` handlers with a
 * plain-JSON ctx, returning everything AppSync would act on (result, errors, early return, stash,
 * logs, extensions, response headers).
 */
import { inlineSourceMap, type Mapper } from './compile/source-map.ts';
import { parseModule } from './compile/parse.ts';
import { checkSubset } from './compile/subset.ts';
import { bundlePosition, transformModule, type ColumnShift } from './compile/module-transform.ts';
import { createSandbox, type Sandbox } from './sandbox/context.ts';
import { requestJson, stashAfter, stashJson } from './ctx-transfer.ts';
import type { AppSyncErrorDetail, CompiledCode, EvaluateOptions, Evaluation, Violation } from './types.ts';

export type { AppSyncErrorDetail, CompiledCode, EvaluateOptions, Evaluation, Violation } from './types.ts';

/** Code AppSync would refuse to create: each violation carries its bundle line and column. */
export class CodeValidationError extends Error {
  violations: Violation[];

  constructor(filename: string, violations: Violation[], mapper: Mapper | null = null) {
    const lines = violations.map((v) => {
      const original = mapper?.original(v.line, v.column);
      const where = `${filename}:${v.line}:${v.column}`;
      return original ? `${original.file}:${original.line}:${original.column} (${where}): ${v.message}` : `${where}: ${v.message}`;
    });
    super(`The code contains one or more errors:\n${lines.join('\n')}`);
    this.name = 'CodeValidationError';
    this.violations = violations;
  }
}

interface Internal { sandbox: Sandbox; mapper: Mapper | null; filename: string; shifts: ColumnShift[] }
const internals = new WeakMap<CompiledCode, Internal>();

const DEFAULT_TIMEOUT_MS = 5000;

/** Validates against the APPSYNC_JS subset and compiles once. Throws CodeValidationError (message includes file:line:col of each violation). */
export function compileCode(source: string, filename: string): CompiledCode {
  const mapper = inlineSourceMap(source);
  let program;
  try {
    program = parseModule(source);
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const message = (e as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new CodeValidationError(filename, [{ line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1, message: `SyntaxError: ${message}` }], mapper);
  }
  const transformed = transformModule(source, program);
  const violations = [...transformed.violations, ...checkSubset(program)].sort((a, b) => a.line - b.line || a.column - b.column);
  if (violations.length > 0) throw new CodeValidationError(filename, violations, mapper);
  const sandbox = createSandbox(transformed.body, filename);
  const compiled: CompiledCode = Object.freeze({
    filename,
    hasRequest: transformed.exports.includes('request'),
    hasResponse: transformed.exports.includes('response'),
  });
  internals.set(compiled, { sandbox, mapper, filename, shifts: transformed.shifts });
  return compiled;
}

function locate(stack: string | undefined, internal: Internal): { line?: number; column?: number; file?: string } {
  if (!stack) return {};
  for (const frame of stack.split('\n')) {
    const idx = frame.lastIndexOf(`${internal.filename}:`);
    if (idx < 0) continue;
    const m = /:(\d+):(\d+)\)?\s*$/.exec(frame);
    if (!m) continue;
    const { line, column } = bundlePosition(internal.shifts, Number(m[1]), Number(m[2]));
    const original = internal.mapper?.original(line, column);
    return original ? { file: original.file, line: original.line, column: original.column } : { file: internal.filename, line, column };
  }
  return {};
}

/** Console lines carry the transformed code's position; report the bundle's, as AppSync does. */
function logPosition(line: string, internal: Internal): string {
  const prefix = /^(\w+) - (.*?):(\d+):(\d+): /.exec(line);
  if (!prefix || prefix[2] !== internal.filename) return line;
  const pos = bundlePosition(internal.shifts, Number(prefix[3]), Number(prefix[4]));
  return `${prefix[1]} - ${internal.filename}:${pos.line}:${pos.column}: ${line.slice(prefix[0].length)}`;
}

interface Outcome {
  hasValue: boolean;
  value?: unknown;
  error?: AppSyncErrorDetail;
  unauthorized?: boolean;
  earlyReturn?: { value: unknown; skipTo?: 'END' | 'NEXT' };
  runtimeError?: { message: string; stack?: string };
  errors: AppSyncErrorDetail[];
  logs: string[];
  responseHeaders: Record<string, string>;
  extensions: Evaluation['extensions'];
}

/** Runs `request` or `response` with a plain-JSON ctx. Never throws for anything the resolver code does. */
export function evaluate(code: CompiledCode, fn: 'request' | 'response', ctx: Record<string, unknown>, options: EvaluateOptions = {}): Evaluation {
  const internal = internals.get(code);
  if (!internal) throw new TypeError('evaluate() needs a CompiledCode returned by compileCode()');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fixLog = (line: string) => logPosition(line, internal);
  const onLog = options.onLog ? (line: string) => options.onLog?.(fixLog(line)) : undefined;
  // ctx.request and ctx.stash cross as texts of their own (ctx-transfer.ts).
  const { request, stash, ...rest } = ctx ?? {};
  const stashText = stashJson(stash);
  const run = internal.sandbox.run({ ctx: `{"fn":${JSON.stringify(fn)},"ctx":${JSON.stringify(rest)}}`, request: requestJson(request), stash: stashText }, timeoutMs, onLog);
  const out = JSON.parse(run.outcome) as Outcome;
  const evaluation: Evaluation = {
    value: out.hasValue ? out.value : undefined,
    errors: out.errors,
    stash: stashAfter(stash, stashText, run.stash),
    logs: out.logs.map(fixLog),
    extensions: out.extensions,
    responseHeaders: out.responseHeaders,
  };
  if (out.error) evaluation.error = out.error;
  if (out.unauthorized) evaluation.unauthorized = true;
  if (out.earlyReturn) evaluation.earlyReturn = out.earlyReturn;
  if (out.runtimeError) evaluation.runtimeError = { message: out.runtimeError.message, ...locate(out.runtimeError.stack, internal) };
  return evaluation;
}
