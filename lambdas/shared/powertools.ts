/**
 * Powertools for every handler: a structured logger, an X-Ray tracer and CloudWatch EMF metrics,
 * and `instrument`, the wrapper each handler is exported through (Powertools' middy-free style).
 * In AWS the tracer is active and metrics are flushed per invocation; offline there is no tracer
 * (./tracing.ts) and the stack sets POWERTOOLS_METRICS_DISABLED.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { createLogger } from './logger.ts';
import { tracer } from './tracing.ts';

export interface Powertools {
  logger: Logger;
  /** Undefined outside Lambda. */
  tracer?: Tracer;
  metrics: Metrics;
}

/** One set per handler module; the service name is POWERTOOLS_SERVICE_NAME when infra sets it. */
export function powertools(serviceName: string): Powertools {
  const name = process.env.POWERTOOLS_SERVICE_NAME ?? serviceName;
  return {
    logger: createLogger(serviceName),
    tracer,
    metrics: new Metrics({ serviceName: name, namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Cruddur' }),
  };
}

/** Adds the Lambda context to log lines, a cold-start metric and annotation, an error metric, and flushes metrics. */
export function instrument<A extends unknown[], R>(tools: Powertools, handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let coldStart = true;
  return async (...args: A) => {
    const context = args[1];
    if (context && typeof context === 'object' && 'awsRequestId' in context) tools.logger.addContext(context as never);
    if (coldStart) {
      coldStart = false;
      tools.metrics.captureColdStartMetric();
      tools.tracer?.annotateColdStart();
    }
    try {
      return await handler(...args);
    } catch (err) {
      tools.metrics.addMetric('HandlerErrors', MetricUnit.Count, 1);
      tools.tracer?.addErrorAsMetadata(err as Error);
      throw err;
    } finally {
      if (tools.metrics.hasStoredMetrics()) tools.metrics.publishStoredMetrics();
    }
  };
}
