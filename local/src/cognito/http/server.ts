/**
 * HTTP front of the offline pool: Cognito's JSON 1.1 RPC (`POST /`, `X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Action>`), CORS for the browser, the pool's JWKS and OpenID
 * discovery, and the loopback-only outbox at `GET /_local/outbox?email=…`. Admin actions need a
 * SigV4 signature of the stack's IAM credential (iam-auth.ts), as IAM does in AWS.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { actions, isAdminAction } from '../actions/index.ts';
import { CognitoError } from '../errors.ts';
import type { Pool } from '../pool.ts';
import { requireIamSignature } from './iam-auth.ts';
import type { LocalCredential } from '../../iam/local-credential.ts';
import { createHostCheck, refusedHostMessage, type HostCheck } from '../../host-check/host-check.ts';

export interface RequestLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const targetPrefix = 'AWSCognitoIdentityProviderService.';
const maxBodyBytes = 1024 * 1024;

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-expose-headers': 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage',
  'access-control-max-age': '600',
};

/** Loopback addresses, IPv4-mapped IPv6 included. */
export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

/**
 * Browsers send Origin; only pages served from this machine may reach local-only features. Without
 * this, any website the developer visits could read codes or call Admin actions on 127.0.0.1.
 */
export function isForeignOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return false;
  try {
    return !['localhost', '127.0.0.1', '[::1]'].includes(new URL(origin).hostname);
  } catch {
    return true;
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, cors = true): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...(cors ? corsHeaders : {}), 'content-type': 'application/x-amz-json-1.1', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function sendError(res: http.ServerResponse, requestId: string, err: CognitoError, cors = true): void {
  send(res, err.status, { __type: err.type, message: err.message }, {
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': `${err.type}:`,
    // Header values must be Latin-1 without control characters.
    'x-amzn-errormessage': err.message.replace(/[^\x20-\x7e]/g, ' '),
  }, cors);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new CognitoError('SerializationException', 'Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface ServerInfo {
  issuer: () => string;
  /** Which Host headers are served (default: loopback + ALLOWED_HOSTS). */
  hostCheck?: HostCheck;
  /** The IAM principals whose SigV4 signature admits Admin actions (the stack's local credential). */
  iamCredentials: readonly LocalCredential[];
}

export function createCognitoServer(pool: Pool, info: ServerInfo, log: RequestLog | undefined): http.Server {
  const hostCheck = info.hostCheck ?? createHostCheck();
  return http.createServer(async (req, res) => {
    const requestId = randomUUID();
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://local');
    // The action, once known, names failed requests in the log too.
    let name = '';
    // First, before CORS, the outbox or reading a body: a DNS-rebinding page passes every origin
    // check. Cognito answers requests its web ACL blocks with 403 ForbiddenException.
    if (!hostCheck(req.headers.host)) {
      res.setHeader('connection', 'close');
      sendError(res, requestId, new CognitoError('ForbiddenException', refusedHostMessage(req.headers.host), 403), false);
      log?.info({ requestId, status: 403, errorType: 'ForbiddenException', ms: Date.now() - started }, 'cognito');
      return;
    }
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...corsHeaders, 'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*' });
        res.end();
        return;
      }
      if (req.method === 'GET') return serveGet(pool, info, url, req, res);
      if (req.method !== 'POST' || url.pathname !== '/') return send(res, 404, { message: 'Not Found' });
      const target = String(req.headers['x-amz-target'] ?? '');
      name = target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : '';
      const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
      const body = await readBody(req);
      if (!action) throw new CognitoError('UnknownOperationException', `Unknown operation ${target}`);
      if (isAdminAction(name)) {
        // Offline, on top of AWS's IAM signature: never from a browser page, only from this machine.
        if (!isLoopback(req.socket.remoteAddress) || req.headers.origin !== undefined) {
          throw new CognitoError('UnrecognizedClientException', 'The security token included in the request is invalid.');
        }
        await requireIamSignature(info.iamCredentials, req, body);
      }
      let input: unknown;
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        throw new CognitoError('SerializationException', 'Start of structure or map found where not expected.');
      }
      if (!input || typeof input !== 'object' || Array.isArray(input)) throw new CognitoError('SerializationException', 'Start of structure or map found where not expected.');
      const output = await action(pool, input as Record<string, unknown>);
      send(res, 200, output, { 'x-amzn-requestid': requestId });
      log?.info({ requestId, action: name, status: 200, ms: Date.now() - started }, 'cognito');
    } catch (err) {
      const error = err instanceof CognitoError ? err : new CognitoError('InternalErrorException', 'Internal error.', 500);
      if (!(err instanceof CognitoError)) log?.error({ requestId, err }, 'cognito internal error');
      else log?.info({ requestId, ...(name ? { action: name } : {}), status: error.status, errorType: error.type, ms: Date.now() - started }, 'cognito');
      if (!res.headersSent) sendError(res, requestId, error);
    }
  });
}

function serveGet(pool: Pool, info: ServerInfo, url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
  const issuer = info.issuer();
  if (url.pathname === `/${pool.userPoolId}/.well-known/jwks.json`) return send(res, 200, pool.keys.jwks, { 'content-type': 'application/json' });
  if (url.pathname === `/${pool.userPoolId}/.well-known/openid-configuration`) {
    return send(
      res,
      200,
      {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'token'],
        scopes_supported: ['openid', 'email', 'phone', 'profile'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        claims_supported: ['sub', 'email', 'email_verified', 'name', 'preferred_username', 'cognito:username'],
      },
      { 'content-type': 'application/json' },
    );
  }
  if (url.pathname === '/_local/outbox') {
    // Codes are secrets: only processes on this machine may read them.
    // No wildcard CORS here: only pages served from this machine (dev tools, the explorer) may read codes.
    const origin = req.headers.origin;
    if (!isLoopback(req.socket.remoteAddress) || isForeignOrigin(origin)) {
      return send(res, 403, { message: 'The outbox is readable from this machine only.' }, {}, false);
    }
    const email = url.searchParams.get('email') ?? undefined;
    const cors: Record<string, string> = origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    return send(res, 200, { messages: pool.outbox.list(email) }, { 'content-type': 'application/json', ...cors }, false);
  }
  send(res, 404, { message: 'Not Found' });
}
