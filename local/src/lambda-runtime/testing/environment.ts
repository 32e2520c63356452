/** Handlers for the isolated-environment tests: each shows one thing a Lambda runtime must handle. */
import type { LambdaContext } from '../invoke.ts';

/** Where and how it ran. */
export async function info(event: { waitMs?: number }, context: LambdaContext) {
  if (event.waitMs) await new Promise((r) => setTimeout(r, event.waitMs));
  return {
    pid: process.pid,
    memoryEnv: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    memoryLimitInMB: context.memoryLimitInMB,
    remainingMs: context.getRemainingTimeInMillis(),
  };
}

export async function fail() {
  throw Object.assign(new Error('the handler refused'), { name: 'RefusedError' });
}

/** Blocks its event loop: only killing the process ends it. */
export function spin() {
  for (;;);
}

export function exit() {
  process.exit(3);
}
