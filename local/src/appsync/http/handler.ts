/**
 * The GraphQL HTTP endpoint as a plain `http.RequestListener`, so it can serve a node:http
 * server, the TLS half of the real-time dual-protocol listener, or a test server alike:
 * `POST|GET /graphql` → authenticate → `engine.execute` → AppSync's response; `GET /` → explorer.
 * It never throws: every failure becomes an AppSync-shaped error response.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Authenticator, IncomingAuthRequest } from '../auth/types.ts';
import type { Engine, GraphQLRequest } from '../engine/types.ts';
import { createHostCheck, type HostCheck } from '../../host-check/host-check.ts';
import { logRequest, type Logger, type RequestLogFields } from '../../observability/logger.ts';
import { inSpan } from '../../observability/tracing.ts';
import { readBody } from './body.ts';
import { applyCors, DEFAULT_ALLOWED_ORIGINS, type CorsConfig } from './cors.ts';
import { parseGetQuery, parsePostBody, type ParsedRequest } from './parse-request.ts';
import { requestErrors, sendError, sendJson, type RequestError } from './responses.ts';

export interface GraphqlHttpOptions {
  engine: Engine;
  authenticator: Authenticator;
  logger: Logger;
  cors?: CorsConfig;
  /** Largest accepted request body; AppSync's documents are ≤ 1 MB, so 1 MiB by default. */
  maxBodyBytes?: number;
  /** Serves `GET /` (the GraphiQL explorer). */
  explorer?: RequestListener;
  /** Which Host headers are served (default: loopback + ALLOWED_HOSTS); others get 403 first. */
  hostCheck?: HostCheck;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Header values as AppSync hands them to resolvers: lower-case names, single strings. */
function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** For logs only: the first named operation in the document when the client sent no operationName. */
function namedOperation(query: string): string | null {
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z]\w*)/.exec(query)?.[1] ?? null;
}

function sourceIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

/** Creates the endpoint's request listener. */
export function createGraphqlHandler(options: GraphqlHttpOptions): RequestListener {
  const cors = options.cors ?? { allowedOrigins: DEFAULT_ALLOWED_ORIGINS };
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { engine, authenticator, logger } = options;
  const hostCheck = options.hostCheck ?? createHostCheck();

  async function serveGraphql(req: IncomingMessage, res: ServerResponse, url: URL, base: Record<string, string>, log: Partial<RequestLogFields>) {
    const fail = (error: RequestError) => {
      log.status = error.status;
      log.errorType = error.errorType;
      sendError(res, error, base);
    };
    let parsed: ParsedRequest;
    let rawBody = '';
    if (req.method === 'POST') {
      const body = await readBody(req, limit);
      if (!body.ok) {
        if (body.reason === 'too-large') {
          // Stop reading the rest: answer, then drop the connection.
          res.once('finish', () => req.destroy());
          fail(requestErrors.tooLarge(limit));
        } else if (body.reason === 'invalid-utf8') fail(requestErrors.invalidUtf8());
        else req.destroy();
        return;
      }
      rawBody = body.text;
      parsed = parsePostBody(rawBody);
    } else parsed = parseGetQuery(url.search);
    if (!parsed.ok) return fail(parsed.error);

    const request: GraphQLRequest = parsed.request;
    log.operationName = request.operationName ?? namedOperation(request.query);
    const headers = flatHeaders(req);
    const authRequest: IncomingAuthRequest = {
      headers,
      method: req.method ?? 'POST',
      path: `${url.pathname}${url.search}`,
      body: rawBody,
      sourceIp: sourceIp(req),
      query: request.query,
      operationName: request.operationName ?? undefined,
      variables: request.variables ?? undefined,
      requestId: log.requestId,
    };
    const auth = await authenticator.authenticate(authRequest);
    if (!auth.ok) return fail(auth);
    log.authMode = auth.auth.mode;

    const result = await engine.execute(request, { auth: auth.auth, requestId: log.requestId!, headers, domainName: null });
    log.status = 200;
    log.errorCount = result.errors?.length ?? 0;
    sendJson(res, 200, result, base);
  }

  return (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const base = { 'x-amzn-RequestId': requestId };
    const log: Partial<RequestLogFields> = { requestId, method: req.method ?? '', path: req.url ?? '' };
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      url = new URL('http://localhost/');
    }
    log.path = url.pathname;
    const done = () => {
      if (url.pathname === '/graphql' || log.status === undefined || log.status >= 400) {
        logRequest(logger, { ...(log as RequestLogFields), status: log.status ?? res.statusCode, durationMs: performance.now() - started });
      }
    };
    const run = async () => {
      // Before CORS, the explorer and any parsing: a rebinding page is "same-origin" to CORS.
      if (!hostCheck(req.headers.host)) {
        log.status = 403;
        // The body is left unread: close the connection rather than drain it.
        return sendError(res, requestErrors.forbiddenHost(req.headers.host), { ...base, connection: 'close' });
      }
      if (applyCors(cors, req, res, base)) {
        log.status = res.statusCode;
        return;
      }
      if (url.pathname === '/graphql' || url.pathname === '/graphql/') {
        if (req.method !== 'POST' && req.method !== 'GET') {
          log.status = 405;
          return sendError(res, requestErrors.methodNotAllowed(), { ...base, allow: 'GET, POST, OPTIONS' });
        }
        return inSpan('graphql.request', { 'appsync.request_id': requestId, 'http.request.method': req.method ?? '' }, async (span) => {
          await serveGraphql(req, res, url, base, log);
          span.setAttributes({
            'http.response.status_code': log.status ?? res.statusCode,
            'graphql.operation.name': log.operationName ?? '',
            'appsync.auth_mode': log.authMode ?? '',
            'appsync.error_count': log.errorCount ?? 0,
          });
        });
      }
      if (options.explorer && req.method === 'GET' && (url.pathname === '/' || url.pathname.startsWith('/explorer/'))) {
        log.status = 200;
        return options.explorer(req, res);
      }
      log.status = 404;
      sendError(res, requestErrors.notFound(), base);
    };
    run()
      .catch((err: unknown) => {
        logger.error({ requestId, err }, 'request failed');
        log.status = 500;
        if (!res.headersSent) sendError(res, requestErrors.internal(), base);
        else res.destroy();
      })
      .finally(done);
  };
}
