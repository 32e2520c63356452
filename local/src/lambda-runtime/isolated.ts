/**
 * A Lambda function run the way Lambda runs it, out of the server's process: each execution
 * environment is a child process with its own memory (V8 heap capped at the function's memory
 * size, `AWS_LAMBDA_FUNCTION_MEMORY_SIZE` set), serving one invocation at a time and kept warm
 * for the next. At most `reservedConcurrency` environments exist; further invocations wait in a
 * FIFO queue, as asynchronous invocations wait in Lambda's event queue. A timed-out or crashed
 * environment is discarded and replaced on demand, as Lambda does.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveFunctionEnv, type FunctionEnvSource } from './function-env.ts';
import { repoRoot, type InvokeOptions } from './invoke.ts';
import type { InvokeMessage, ResultMessage } from './isolated-runtime.ts';

const runtimeEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'isolated-runtime.ts');

export interface IsolatedFunctionOptions {
  /** `lambdas/<dir>/index.ts#<export>` */
  handler: string;
  functionName: string;
  memorySize: number;
  reservedConcurrency: number;
  timeoutMs: number;
  region: string;
  accountId?: string;
  /** The function's environment, sent with each invocation (./function-env.ts applies it in the child). */
  env?: FunctionEnvSource;
  /** Invocations allowed to wait for an environment; more are refused (default 1,000). */
  maxQueued?: number;
}

export interface IsolatedStats {
  environments: number;
  busy: number;
  queued: number;
}

interface Invocation {
  id: number;
  event: unknown;
  awsRequestId?: string;
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
}

interface Environment {
  child: ChildProcess;
  current: Invocation | null;
}

const errorNamed = (name: string, message: string) => Object.assign(new Error(message), { name });

/** Runs a handler in a bounded pool of child processes; see the module comment. */
export class IsolatedFunction {
  private readonly environments = new Set<Environment>();
  private readonly idle: Environment[] = [];
  private readonly queue: Invocation[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: IsolatedFunctionOptions) {}

  /** Invokes the handler; rejects like Lambda on a handler error, a timeout or a crashed runtime. */
  invoke(event: unknown, awsRequestId?: string): Promise<unknown> {
    if (this.closed) return Promise.reject(errorNamed('ServiceException', `${this.options.functionName} has been shut down`));
    if (this.queue.length >= (this.options.maxQueued ?? 1000)) return Promise.reject(errorNamed('TooManyRequestsException', 'Rate Exceeded.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, event, awsRequestId, resolve, reject });
      this.dispatch();
    });
  }

  stats(): IsolatedStats {
    const busy = [...this.environments].filter((e) => e.current).length;
    return { environments: this.environments.size, busy, queued: this.queue.length };
  }

  /** Refuses what is queued and stops every environment. */
  async close(): Promise<void> {
    this.closed = true;
    for (const inv of this.queue.splice(0)) inv.reject(errorNamed('ServiceException', `${this.options.functionName} has been shut down`));
    const exits = [...this.environments].map((env) => new Promise((resolve) => (env.child.exitCode !== null || env.child.signalCode !== null ? resolve(undefined) : env.child.once('exit', resolve))));
    for (const env of this.environments) env.child.kill('SIGKILL');
    await Promise.all(exits);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let env = this.idle.pop();
      if (!env) {
        if (this.environments.size >= this.options.reservedConcurrency) return;
        env = this.spawn();
      }
      this.run(env, this.queue.shift()!);
    }
  }

  private spawn(): Environment {
    const o = this.options;
    const child = fork(runtimeEntry, [], {
      cwd: repoRoot,
      // tsx runs the TypeScript handlers, as in the server; the heap cap stands in for Lambda's memory limit.
      execArgv: ['--import', 'tsx', `--max-old-space-size=${o.memorySize}`],
      env: {
        ...process.env,
        AWS_LAMBDA_FUNCTION_NAME: o.functionName,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(o.memorySize),
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_REGION: o.region,
      },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const env: Environment = { child, current: null };
    this.environments.add(env);
    child.on('message', (message: ResultMessage) => this.finished(env, message));
    const gone = (why: string) => {
      if (!this.environments.delete(env)) return;
      const i = this.idle.indexOf(env);
      if (i !== -1) this.idle.splice(i, 1);
      const inv = env.current;
      env.current = null;
      if (inv) this.settle(inv, errorNamed('Runtime.ExitError', `RequestId: ${inv.awsRequestId ?? inv.id} Error: Runtime exited with error: ${why}`));
      if (!this.closed) this.dispatch();
    };
    child.on('exit', (code, signal) => gone(signal ? `signal: ${signal}` : `exit status ${code}`));
    child.on('error', (err) => gone(err.message));
    return env;
  }

  private run(env: Environment, inv: Invocation): void {
    const o = this.options;
    env.current = inv;
    env.child.channel?.ref();
    // The runtime enforces the timeout itself; this one catches a handler that blocks its event loop.
    inv.timer = setTimeout(() => {
      this.settle(inv, new Error(`Task timed out after ${(o.timeoutMs / 1000).toFixed(2)} seconds`));
      this.discard(env);
    }, o.timeoutMs + 1000);
    const options: InvokeOptions = { functionName: o.functionName, timeoutMs: o.timeoutMs, region: o.region, accountId: o.accountId, memorySize: o.memorySize, awsRequestId: inv.awsRequestId, env: resolveFunctionEnv(o.env) };
    env.child.send({ id: inv.id, handler: o.handler, event: inv.event, options } satisfies InvokeMessage);
  }

  private finished(env: Environment, message: ResultMessage): void {
    const inv = env.current;
    if (!inv || inv.id !== message.id) return;
    env.current = null;
    if (message.ok) this.settle(inv, null, message.result);
    else this.settle(inv, Object.assign(new Error(message.error.message), { name: message.error.name, stack: message.error.stack }));
    // The handler may still be running in there: Lambda does not reuse such an environment.
    if (!message.ok && message.error.message.startsWith('Task timed out')) return this.discard(env);
    env.child.channel?.unref();
    this.idle.push(env);
    this.dispatch();
  }

  /** Kills an environment and frees its slot at once (its exit is then ignored). */
  private discard(env: Environment): void {
    env.current = null;
    this.environments.delete(env);
    env.child.kill('SIGKILL');
    if (!this.closed) this.dispatch();
  }

  private settle(inv: Invocation, err: Error | null, result?: unknown): void {
    clearTimeout(inv.timer);
    if (err) inv.reject(err);
    else inv.resolve(result);
  }
}
