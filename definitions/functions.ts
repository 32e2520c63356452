/**
 * How a Lambda function from `lambdas/` is configured, declared once: `infra/` sets these on the
 * function, and the offline stack honours them when it invokes the handler.
 */

export interface FunctionSettings {
  /** Lambda's MemorySize in MB; the runtime reports it as `AWS_LAMBDA_FUNCTION_MEMORY_SIZE` (default 512). */
  memorySize?: number;
  /** Lambda's timeout in seconds. */
  timeoutSeconds?: number;
  /**
   * Reserved concurrency: at most this many invocations run at once; the rest wait (S3's
   * asynchronous invocations queue, as Lambda's event queue does). Also caps the function's cost.
   */
  reservedConcurrency?: number;
  /**
   * Offline: run the handler in its own process — separate memory, like a Lambda execution
   * environment — instead of inside the server's process (decision 016). For handlers whose
   * memory or CPU would otherwise hurt the requests the server is serving.
   */
  isolated?: boolean;
}

/** Lambda's default memory size. */
export const DEFAULT_MEMORY_MB = 512;
