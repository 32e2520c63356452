/**
 * One vm context per compiled bundle, created at compile time. Evaluations reuse it: the host
 * hands the request over as JSON text and gets the outcome back as JSON text, so no object of one
 * realm ever reaches the other (resolver code cannot climb to the host's Function constructor).
 */
import { randomBytes } from 'node:crypto';
import vm from 'node:vm';
import { preludeScript } from './prelude.ts';

const RUN = new vm.Script('__cruddurRun()', { filename: 'appsync-runtime-run.js' });

// The bundle runs inside `function (__load, __tick, globalThis) { … }`: built-in modules, the time
// budget (compile/instrument.ts) and a per-evaluation global scope (lib/entry.ts).

export interface SandboxInput {
  ctx: string;
  request: string;
  stash: string;
}

export interface Sandbox {
  /**
   * Runs one handler (never throws for resolver behaviour). `input.ctx`: `{fn, ctx}` as JSON text,
   * without `ctx.request` and `ctx.stash`, which come as texts of their own (`request` is parsed only
   * if the handler reads it). Returns the outcome's JSON text and the stash's ('' when unchanged).
   */
  run(input: SandboxInput, timeoutMs: number, onLog?: (line: string) => void): { outcome: string; stash: string };
}

export function createSandbox(factorySource: string, filename: string): Sandbox {
  const context = vm.createContext(Object.create(null), {
    name: filename,
    codeGeneration: { strings: false, wasm: false },
  });
  let pending: SandboxInput | null = null;
  let lastOutput = '';
  let lastStash = '';
  let logSink: ((line: string) => void) | undefined;
  let deadline = 0;
  const bridge = {
    randomHex: (n: number) => randomBytes(Math.max(0, Math.min(1024, Number(n) || 0))).toString('hex'),
    // Handed out once per evaluation (later calls get ''): [ctx, request, stash].
    input: (part: number) => {
      const texts = pending;
      if (part === 2) pending = null;
      return texts === null ? '' : part === 0 ? texts.ctx : part === 1 ? texts.request : texts.stash;
    },
    output: (json: string, stash: string) => {
      lastOutput = String(json);
      lastStash = String(stash);
    },
    log: (line: string) => logSink?.(String(line)),
    deadline: () => deadline,
  };
  const prelude = preludeScript().runInContext(context) as { boot: (b: typeof bridge, file: string) => void };
  prelude.boot(bridge, filename);
  // The bundle's first line is line 1: the wrapper's own line is offset away.
  new vm.Script(`__cruddurDefine(function (__load, __tick, globalThis) { "use strict";\n${factorySource}\n});`, { filename, lineOffset: -1 })
    .runInContext(context);

  return {
    run(input, timeoutMs, onLog) {
      pending = input;
      lastOutput = '';
      lastStash = '';
      logSink = onLog;
      deadline = Date.now() + timeoutMs;
      try {
        RUN.runInContext(context);
      } finally {
        pending = null;
        logSink = undefined;
      }
      return { outcome: lastOutput, stash: lastStash };
    },
  };
}
