/**
 * The offline stack's structured logger (pino): JSON lines on stdout, one per request plus
 * resolver and consumer logs, all carrying the request id.
 */
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

export interface LoggerConfig {
  /** pino level; `silent` turns logging off (benchmarks). Defaults to LOG_LEVEL or `info`. */
  level?: string;
  /** Where lines go (a stream for tests); stdout by default. */
  destination?: DestinationStream;
  name?: string;
}

/** Creates the root logger; components take `logger.child({ component })`. */
export function createLogger(config: LoggerConfig = {}): Logger {
  const options: LoggerOptions = {
    name: config.name ?? 'cruddur-local',
    level: config.level ?? process.env.LOG_LEVEL ?? 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return config.destination ? pino(options, config.destination) : pino(options);
}

/** One line per GraphQL request: what an AppSync request log would tell an operator. */
export interface RequestLogFields {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  operationName?: string | null;
  authMode?: string;
  errorCount?: number;
  errorType?: string;
}

export function logRequest(logger: Logger, fields: RequestLogFields): void {
  const level = fields.status >= 500 ? 'error' : fields.status >= 400 ? 'warn' : 'info';
  logger[level]({ ...fields, durationMs: Math.round(fields.durationMs * 100) / 100 }, 'graphql request');
}
