/**
 * One Powertools logger per handler module. The service name comes from POWERTOOLS_SERVICE_NAME
 * when set (infra sets it), else the handler's own name; log level from POWERTOOLS_LOG_LEVEL.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName });
}
