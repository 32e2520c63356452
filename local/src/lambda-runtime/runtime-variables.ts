/**
 * The environment variables Lambda itself defines for a function, as the offline runtime sets them
 * (plus two switches of the emulator's own, below).
 * In AWS a function sees exactly its configured variables plus these ("Defined runtime environment
 * variables", https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-runtime.html);
 * offline it sees the same, and nothing else of the host (./function-env.ts).
 *
 * Reserved ones (the function cannot configure them, Lambda rejects such keys) describe the
 * function and win over its configuration. Unreserved ones (LANG, PATH, LD_LIBRARY_PATH,
 * NODE_PATH) are defaults the configuration may replace; offline the search paths are the host's,
 * because the host's Node, not Lambda's image, loads the code and its native modules.
 *
 * Left out on purpose: AWS_LAMBDA_RUNTIME_API (no Runtime API here: handlers are called
 * directly) and _X_AMZN_TRACE_ID / AWS_XRAY_* (no X-Ray daemon offline).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionEnv } from './function-env.ts';

/** Lambda's default memory size when a function configures none (128 MB). */
export const LAMBDA_DEFAULT_MEMORY_MB = 128;

/** Where handler references (`<file>#<export>`) are resolved from: Lambda's /var/task. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const runtimeDir = path.dirname(fileURLToPath(import.meta.url));

/** One log stream per function per process, as one execution environment writes one stream. */
const instance = randomBytes(16).toString('hex');

/** Who is running: the facts the reserved variables (and the context object) report. */
export interface FunctionIdentity {
  functionName: string;
  /** `<file>#<export>` relative to the repository root. */
  handler: string;
  memorySize: number;
  region: string;
}

/** Lambda's `_HANDLER` form, `<module path without extension>.<export>` (e.g. `lambdas/publish/index.handler`). */
export function lambdaHandlerName(ref: string): string {
  const [file, name = 'handler'] = ref.split('#');
  return `${file.replace(/\.[cm]?[jt]s$/, '')}.${name}`;
}

/** `YYYY/MM/DD/[$LATEST]<32 hex>`, the shape of Lambda's log stream names. */
export function logStreamName(now = new Date()): string {
  return `${now.toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${instance}`;
}

/**
 * The whole environment of one invocation: the unreserved defaults, then the function's
 * configuration (`configured`: its declared variables and the offline endpoints), then the
 * reserved variables. `undefined` in `configured` leaves a variable out.
 */
export function lambdaEnvironment(fn: FunctionIdentity, configured: FunctionEnv = {}): FunctionEnv {
  const unreserved: FunctionEnv = {
    LANG: 'en_US.UTF-8',
    PATH: process.env.PATH,
    LD_LIBRARY_PATH: process.env.LD_LIBRARY_PATH,
    NODE_PATH: process.env.NODE_PATH,
    // Offline there is no X-Ray daemon and no CloudWatch: with AWS_EXECUTION_ENV Lambda-shaped,
    // Powertools would switch its tracer on (its X-Ray SDK hooks every promise of the server) and
    // print metrics as EMF lines. The emulator's own switches; a configuration may turn them on.
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
  const reserved: FunctionEnv = {
    _HANDLER: lambdaHandlerName(fn.handler),
    AWS_REGION: fn.region,
    AWS_DEFAULT_REGION: fn.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${process.versions.node.split('.')[0]}.x`,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName(),
    LAMBDA_TASK_ROOT: repoRoot,
    LAMBDA_RUNTIME_DIR: runtimeDir,
    TZ: ':UTC',
  };
  const env: FunctionEnv = {};
  for (const [name, value] of Object.entries({ ...unreserved, ...configured, ...reserved })) if (value !== undefined) env[name] = value;
  return env;
}
