/**
 * Each in-process Lambda invocation sees its own function's environment in `process.env`, as a
 * Lambda execution environment does, although every in-process handler shares one Node process.
 * `process.env` is replaced once by a view: inside `withFunctionEnv(env, fn)` (an
 * AsyncLocalStorage scope that follows the invocation through every await, timer and callback)
 * reads and writes see that invocation's variables and nothing of the host's, as a function in
 * AWS sees only its configuration and Lambda's own variables (./runtime-variables.ts); outside
 * any invocation the view is the host environment itself. Nothing is ever assigned to the host
 * environment on a function's behalf, so two functions invoked at once cannot see each other's
 * values (docs/decisions/030-one-contract-in-definitions.md, 039-lambda-environment-parity.md).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** A function's variables; `undefined` leaves a variable out. */
export type FunctionEnv = Record<string, string | undefined>;

const scope = new AsyncLocalStorage<Map<string, string | undefined>>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const host = process.env;
  const own = () => scope.getStore();
  const view = new Proxy(host, {
    get(target, name) {
      const env = own();
      if (env && typeof name === 'string') return env.get(name);
      return Reflect.get(target, name);
    },
    set(target, name, value) {
      const env = own();
      // process.env stores strings only; a handler's assignment stays in its invocation.
      if (env && typeof name === 'string') env.set(name, String(value));
      else Reflect.set(target, name, value);
      return true;
    },
    deleteProperty(target, name) {
      const env = own();
      if (env && typeof name === 'string') env.set(name, undefined);
      else Reflect.deleteProperty(target, name);
      return true;
    },
    has(target, name) {
      const env = own();
      if (env && typeof name === 'string') return env.get(name) !== undefined;
      return Reflect.has(target, name);
    },
    ownKeys(target) {
      const env = own();
      if (!env) return Reflect.ownKeys(target);
      return [...env].filter(([, value]) => value !== undefined).map(([name]) => name);
    },
    getOwnPropertyDescriptor(target, name) {
      const env = own();
      if (env && typeof name === 'string') {
        const value = env.get(name);
        return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(target, name);
    },
  });
  process.env = view;
}

/** Runs `fn` (and everything it starts) with `env` as its whole `process.env`. */
export function withFunctionEnv<T>(env: FunctionEnv, fn: () => T): T {
  install();
  return scope.run(new Map(Object.entries(env)), fn);
}

/** An environment, or how to compute it when an invocation starts (values known only later, e.g. a port). */
export type FunctionEnvSource = FunctionEnv | (() => FunctionEnv);

export function resolveFunctionEnv(source: FunctionEnvSource | undefined): FunctionEnv | undefined {
  return typeof source === 'function' ? source() : source;
}
