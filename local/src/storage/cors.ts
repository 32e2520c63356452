/**
 * S3 bucket CORS ("Configuring cross-origin resource sharing"): an allowlist of origins, methods
 * and headers. A preflight that matches no rule gets S3's 403 `AccessForbidden`; an actual request
 * from a foreign origin is served without CORS headers (the browser then withholds the answer),
 * exactly as S3 does — CORS is not authorization, the signature is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BucketCorsRule } from '../app-definition.ts';
import { s3Errors, type S3Error } from './errors.ts';

export interface CorsRule {
  allowedOrigins: string[];
  allowedMethods: string[];
  /** Lower-case request header names the browser may send (`*` = any). */
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds: number;
}

/** A bucket's declared rule (definitions/buckets.ts, also deployed by infra/) for these origins. */
export function corsRuleFor(rule: BucketCorsRule, allowedOrigins: string[]): CorsRule {
  return {
    allowedOrigins,
    allowedMethods: [...rule.allowedMethods],
    // Browsers send header names in any case; S3 compares them case-insensitively.
    allowedHeaders: rule.allowedHeaders.map((h) => h.toLowerCase()),
    exposeHeaders: [...rule.exposedHeaders],
    maxAgeSeconds: rule.maxAgeSeconds,
  };
}

function headerAllowed(rule: CorsRule, name: string): boolean {
  return rule.allowedHeaders.some((h) => h === '*' || h === name || (h.endsWith('*') && name.startsWith(h.slice(0, -1))));
}

function matchingRule(rules: CorsRule[], origin: string, method: string): CorsRule | undefined {
  return rules.find((r) => (r.allowedOrigins.includes('*') || r.allowedOrigins.includes(origin)) && r.allowedMethods.includes(method));
}

/** Answers a preflight (`OPTIONS` with Access-Control-Request-Method); returns an S3 error when refused. */
export function preflight(rules: CorsRule[], req: IncomingMessage, res: ServerResponse): S3Error | undefined {
  const origin = req.headers.origin;
  const method = String(req.headers['access-control-request-method'] ?? '').toUpperCase();
  const requested = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const rule = origin ? matchingRule(rules, origin, method) : undefined;
  if (!origin || !rule || !requested.every((h) => headerAllowed(rule, h))) return s3Errors.corsForbidden();
  res.writeHead(200, {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': rule.allowedMethods.join(', '),
    ...(requested.length ? { 'access-control-allow-headers': requested.join(', ') } : {}),
    'access-control-expose-headers': rule.exposeHeaders.join(', '),
    'access-control-max-age': String(rule.maxAgeSeconds),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    'content-length': '0',
  });
  res.end();
  return undefined;
}

/** Adds CORS headers to an actual request's answer when its origin and method match a rule. */
export function corsHeaders(rules: CorsRule[], req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  const rule = origin ? matchingRule(rules, origin, String(req.method)) : undefined;
  if (!origin || !rule) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': rule.exposeHeaders.join(', '), vary: 'Origin' };
}
