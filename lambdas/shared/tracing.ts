/**
 * The Powertools X-Ray tracer, loaded only where it can trace: inside Lambda (AWS_EXECUTION_ENV is
 * `AWS_Lambda_…`), unless POWERTOOLS_TRACE_ENABLED=false. Powertools disables tracing elsewhere
 * anyway, but the X-Ray SDK behind it installs process-wide async hooks the moment it is imported
 * (cls-hooked), which taxes every promise of whatever process hosts the handler.
 */
import type { Tracer } from '@aws-lambda-powertools/tracer';

const enabled = (process.env.AWS_EXECUTION_ENV ?? '').startsWith('AWS_Lambda_') && process.env.POWERTOOLS_TRACE_ENABLED !== 'false';

export const tracer: Tracer | undefined = enabled ? new (await import('@aws-lambda-powertools/tracer')).Tracer() : undefined;
