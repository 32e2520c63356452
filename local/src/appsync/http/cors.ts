/**
 * CORS with an allowlist. AppSync itself answers `*`; offline we only admit the web app's origin
 * (and whatever the developer adds), so a page on another origin cannot drive the local API
 * with a developer's tokens. Preflights are answered here; disallowed origins get 403.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestErrors, sendError } from './responses.ts';

export interface CorsConfig {
  /** Exact origins, e.g. `http://localhost:5173`; `*` admits any. */
  allowedOrigins: string[];
}

export const DEFAULT_ALLOWED_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/** Response headers AppSync exposes to browsers. */
const EXPOSED = 'x-amzn-RequestId,x-amzn-ErrorType,x-amz-user-agent,x-amzn-ErrorMessage,Date,x-amz-schema-version';

export function isAllowedOrigin(config: CorsConfig, origin: string): boolean {
  return config.allowedOrigins.includes('*') || config.allowedOrigins.includes(origin);
}

/**
 * Applies CORS to a request. Returns true when the response has been sent (a preflight or a
 * refused origin) and the caller must stop.
 */
export function applyCors(config: CorsConfig, req: IncomingMessage, res: ServerResponse, baseHeaders: Record<string, string>): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  // Browsers send Origin on same-origin POSTs too (the explorer page): those are always allowed.
  const host = req.headers.host;
  const sameOrigin = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
  if (!sameOrigin && !isAllowedOrigin(config, origin)) {
    sendError(res, requestErrors.forbiddenOrigin(), baseHeaders);
    return true;
  }
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', EXPOSED);
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    const requested = req.headers['access-control-request-headers'];
    res.writeHead(204, {
      ...baseHeaders,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': typeof requested === 'string' && /^[\w\-, ]*$/.test(requested) ? requested : 'authorization, content-type, x-api-key, x-amz-date, x-amz-security-token, x-amz-user-agent',
      'access-control-max-age': '86400',
    });
    res.end();
    return true;
  }
  return false;
}
