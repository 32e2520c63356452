/**
 * The sandbox prelude's entry point. The host bundles this file once per process and runs it in
 * every resolver context; `boot` receives the host bridge (primitive-only functions kept in this
 * closure, out of reach of resolver code) and installs the two hooks the host drives:
 * `__cruddurDefine(factory)` once per bundle and `__cruddurRun()` once per evaluation.
 */
import { configureConsole, sandboxConsole } from './console.ts';
import { builtinModules } from './modules.ts';
import { abort, freshState, isAbort, setState, state, type ErrorDetail } from './state.ts';
import { CodeError } from './util/code-error.ts';
import { installRandom } from './util/ids.ts';

export interface HostBridge {
  /** Hex string of n random bytes from the host's CSPRNG. */
  randomHex(n: number): string;
  /**
   * The pending evaluation, as JSON texts: 0 = `{fn, ctx}` without `ctx.request` and `ctx.stash`,
   * 1 = `ctx.request` (parsed only if the handler reads it), 2 = `ctx.stash`. Reading part 2 ends
   * the hand-out: a second run within the same evaluation finds nothing.
   */
  input(part: 0 | 1 | 2): string;
  /** Receives the evaluation outcome and the stash, as JSON texts (stash '' when unchanged). */
  output(json: string, stash: string): void;
  /** Receives each console line as it is written. */
  log(line: string): void;
  /** Epoch milliseconds after which the running handler must stop. */
  deadline(): number;
}

type Handlers = Record<string, unknown>;
type Factory = (load: (name: string) => unknown, tick: () => void, scope: object) => Handlers;

interface Outcome {
  hasValue: boolean;
  value?: unknown;
  error?: ErrorDetail;
  unauthorized?: boolean;
  earlyReturn?: { value: unknown; skipTo?: 'END' | 'NEXT' };
  runtimeError?: { message: string; stack?: string };
  errors: ErrorDetail[];
  logs: string[];
  responseHeaders: Record<string, string>;
  extensions: unknown;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function buildCtx(raw: Record<string, unknown>, requestText: string, stashText: string): Record<string, unknown> {
  const args = isMap(raw.arguments) ? raw.arguments : isMap(raw.args) ? raw.args : {};
  const stash: unknown = stashText ? JSON.parse(stashText) : undefined;
  const ctx: Record<string, unknown> = {
    arguments: args,
    args,
    identity: raw.identity ?? null,
    source: raw.source ?? null,
    stash: isMap(stash) ? stash : {},
    result: raw.result ?? null,
    prev: isMap(raw.prev) ? raw.prev : { result: null },
    request: null,
    info: isMap(raw.info) ? raw.info : {},
    env: isMap(raw.env) ? raw.env : {},
  };
  // Most handlers never read ctx.request (all the HTTP headers): it is parsed on first read, and
  // becomes a plain property then or when assigned, so handlers cannot tell the difference.
  const settle = (value: unknown) => Object.defineProperty(ctx, 'request', { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(ctx, 'request', {
    enumerable: true,
    configurable: true,
    get() {
      const parsed: unknown = requestText ? JSON.parse(requestText) : null;
      settle(isMap(parsed) ? parsed : { headers: {}, domainName: null });
      return ctx.request;
    },
    set: settle,
  });
  if (raw.error !== undefined && raw.error !== null) ctx.error = raw.error;
  return ctx;
}

function describe(e: unknown): { message: string; stack?: string } {
  if (e instanceof CodeError) return { message: e.message, stack: e.stack };
  if (e instanceof Error) return { message: `${e.name}: ${e.message}`, stack: e.stack };
  return { message: `Uncaught ${String(e)}` };
}

export function boot(bridge: HostBridge, file: string): void {
  installRandom((n) => {
    const hex = bridge.randomHex(n);
    const out: number[] = [];
    for (let i = 0; i < n; i += 1) out.push(parseInt(hex.slice(i * 2, i * 2 + 2), 16));
    return out;
  });
  configureConsole(file, (line) => bridge.log(line));
  let factory: Factory | null = null;
  const load = (name: string): unknown => {
    const mod = builtinModules[name];
    if (!mod) throw new Error(`Cannot find module '${name}'`);
    return mod;
  };

  let ticks = 0;
  let deadline = 0;
  const tick = (): void => {
    ticks += 1;
    if ((ticks & 1023) === 0 && Date.now() > deadline) abort({ kind: 'timeout' });
  };

  const define = (f: Factory): void => {
    if (factory !== null) throw new Error('bundle already defined');
    factory = f;
  };

  const run = (): void => {
    // The host hands each request out once, so a handler calling this hook again finds nothing to do.
    const text = bridge.input(0);
    const requestText = bridge.input(1);
    const stashText = bridge.input(2);
    if (!text || factory === null) return;
    const request = JSON.parse(text) as { fn: string; ctx: Record<string, unknown> };
    const raw = isMap(request.ctx) ? request.ctx : {};
    setState(freshState(raw.identity ?? null));
    const ctx = buildCtx(raw, requestText, stashText);
    const outcome: Partial<Outcome> = { hasValue: false };
    try {
      // The module body runs per evaluation, so module-level variables cannot carry state from one
      // request to the next (the factory itself was compiled once).
      ticks = 0;
      deadline = bridge.deadline();
      // `globalThis` inside the bundle is a fresh object inheriting from the real global: reads
      // see the built-ins, writes vanish with the evaluation (the real global is unreachable).
      const handlers = factory(load, tick, Object.create(globalThis));
      const handler = handlers[request.fn];
      if (typeof handler !== 'function') {
        outcome.runtimeError = { message: `The code does not export a '${request.fn}' function` };
      } else {
        const value = (handler as (c: unknown) => unknown)(ctx);
        outcome.hasValue = value !== undefined;
        outcome.value = value;
      }
    } catch (e) {
      if (isAbort(e)) {
        const kind = e.__cruddurAbort;
        if (kind === 'timeout') {
          outcome.runtimeError = { message: 'Execution timed out' };
        } else if (kind === 'earlyReturn') {
          outcome.earlyReturn = e.skipTo ? { value: e.value, skipTo: e.skipTo } : { value: e.value };
          outcome.hasValue = e.value !== undefined;
          outcome.value = e.value;
        } else {
          outcome.error = e.detail;
          if (kind === 'unauthorized') outcome.unauthorized = true;
        }
      } else {
        outcome.runtimeError = describe(e);
      }
    }
    const st = state();
    const extensions: Record<string, unknown> = { invalidations: st.invalidations, evictions: st.evictions };
    if (st.subscriptionFilter !== undefined) extensions.subscriptionFilter = st.subscriptionFilter;
    if (st.subscriptionInvalidationFilter !== undefined) extensions.subscriptionInvalidationFilter = st.subscriptionInvalidationFilter;
    Object.assign(outcome, { errors: st.errors, logs: st.logs, responseHeaders: st.responseHeaders, extensions });
    let json: string;
    let stashOut: string;
    try {
      stashOut = JSON.stringify(ctx.stash);
      json = JSON.stringify(outcome);
    } catch (e) {
      stashOut = '{}';
      json = JSON.stringify({ hasValue: false, runtimeError: describe(e), errors: st.errors, logs: st.logs, responseHeaders: {}, extensions: { invalidations: [], evictions: [] } });
    }
    bridge.output(json, stashOut === stashText ? '' : stashOut);
  };

  const g = globalThis as Record<string, unknown>;
  Object.defineProperty(g, 'console', { value: sandboxConsole, enumerable: false, writable: false, configurable: false });
  Object.defineProperty(g, '__cruddurDefine', { value: define, enumerable: false, writable: false, configurable: false });
  Object.defineProperty(g, '__cruddurRun', { value: run, enumerable: false, writable: false, configurable: false });
  // A helper refusing its input can be several frames deep (nested where groups); the stack must
  // still reach the resolver's frame so the error carries the resolver's line, as AppSync's does.
  (Error as { stackTraceLimit?: number }).stackTraceLimit = 64;
  hardenIntrinsics(g);
}

/** Freezes the realm's shared built-ins so one evaluation cannot change what the next one sees. */
function hardenIntrinsics(g: Record<string, unknown>): void {
  const names = ['Object', 'Array', 'String', 'Number', 'Boolean', 'Date', 'Math', 'JSON', 'Function', 'RegExp', 'Error', 'TypeError',
    'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'Symbol', 'BigInt', 'Intl', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'Reflect', 'Proxy'];
  for (const name of names) {
    const v = g[name] as ({ prototype?: object } & object) | undefined;
    if (v === undefined) continue;
    const proto = (v as { prototype?: object }).prototype;
    if (proto) Object.freeze(proto);
    Object.freeze(v);
  }
  // A contextified global cannot be frozen, so pin each built-in global instead.
  for (const key of Reflect.ownKeys(g)) {
    const desc = Object.getOwnPropertyDescriptor(g, key);
    if (desc && 'value' in desc && desc.configurable) Object.defineProperty(g, key, { value: desc.value, writable: false, enumerable: desc.enumerable, configurable: false });
  }
}
