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

export interface Sandbox {
  /**
   * Runs one handler; returns the outcome JSON text (never throws for resolver behaviour).
   * `ctxRequestJson`: `ctx.request` as JSON text, kept out of `requestJson` so the sandbox parses
   * it only if the handler reads it.
   */
  run(requestJson: string, ctxRequestJson: string, timeoutMs: number, onLog?: (line: string) => void): string;
}

export function createSandbox(factorySource: string, filename: string): Sandbox {
  const context = vm.createContext(Object.create(null), {
    name: filename,
    codeGeneration: { strings: false, wasm: false },
  });
  let pendingInput = '';
  let pendingRequest = '';
  let lastOutput = '';
  let logSink: ((line: string) => void) | undefined;
  let deadline = 0;
  const bridge = {
    randomHex: (n: number) => randomBytes(Math.max(0, Math.min(1024, Number(n) || 0))).toString('hex'),
    input: () => {
      const text = pendingInput;
      pendingInput = '';
      return text;
    },
    requestInput: () => {
      const text = pendingRequest;
      pendingRequest = '';
      return text;
    },
    output: (json: string) => {
      lastOutput = String(json);
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
    run(requestJson, ctxRequestJson, timeoutMs, onLog) {
      pendingInput = requestJson;
      pendingRequest = ctxRequestJson;
      lastOutput = '';
      logSink = onLog;
      deadline = Date.now() + timeoutMs;
      try {
        RUN.runInContext(context);
      } finally {
        pendingInput = '';
        pendingRequest = '';
        logSink = undefined;
      }
      return lastOutput;
    },
  };
}
