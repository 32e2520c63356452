/**
 * The RDS Data API's HTTP endpoint (REST-JSON: `POST /Execute`, `/BatchExecute`,
 * `/BeginTransaction`, `/CommitTransaction`, `/RollbackTransaction`), for Lambdas and scripts
 * using `@aws-sdk/client-rds-data` with AWS_ENDPOINT_URL_RDS_DATA. Every request passes the Host
 * check (DNS rebinding), a 4 MiB body limit (the Data API's HTTP request body quota, quoted in
 * API_BatchExecuteStatement) and SigV4 verification against the local IAM credential (service
 * `rds-data`), before the operation runs. Errors carry `x-amzn-ErrorType` and a `{message}` body.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticateIam } from '../appsync/auth/iam.ts';
import { flatHeaders } from '../iam/sigv4-verify.ts';
import { readBody } from '../appsync/http/body.ts';
import { createHostCheck, refusedHostMessage, type HostCheck } from '../host-check/host-check.ts';
import type { LocalCredential } from '../iam/local-credential.ts';
import { DataApiError, dataApiErrors, type DataApiErrorType } from './errors.ts';
import type { DataApi } from './service.ts';

export interface DataApiServerOptions {
  api: DataApi;
  /** The only key pairs whose signatures are accepted. */
  credentials: LocalCredential[];
  /** Which Host headers are served (default: loopback + ALLOWED_HOSTS). */
  hostCheck?: HostCheck;
  /** Largest request body (AWS: 4 MiB). */
  maxBodyBytes?: number;
  log?: (obj: object, msg: string) => void;
}

const MAX_BODY = 4 * 1024 * 1024;
const SERVICE = 'rds-data';

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, err: DataApiError, requestId: string): void {
  send(res, err.status, err.body(), { 'x-amzn-errortype': err.type, 'x-amzn-requestid': requestId });
}

/** Builds the endpoint's request listener. */
export function createDataApiHandler(options: DataApiServerOptions): RequestListener {
  const hostCheck = options.hostCheck ?? createHostCheck();
  const maxBody = options.maxBodyBytes ?? MAX_BODY;
  const operations: Record<string, (body: never) => Promise<unknown>> = {
    '/Execute': options.api.executeStatement,
    '/BatchExecute': options.api.batchExecuteStatement,
    '/BeginTransaction': options.api.beginTransaction,
    '/CommitTransaction': options.api.commitTransaction,
    '/RollbackTransaction': options.api.rollbackTransaction,
  };

  async function authenticate(req: IncomingMessage, body: string): Promise<void> {
    const headers = flatHeaders(req.headers);
    if (!headers.authorization) throw new DataApiError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(headers.authorization);
    if (scope && scope[1] !== SERVICE) throw new DataApiError('InvalidSignatureException', `Credential should be scoped to correct service: '${SERVICE}'.`);
    const result = await authenticateIam(
      options.credentials.map((c) => ({ ...c, accountId: '000000000000' })),
      { headers, method: req.method ?? 'POST', path: req.url ?? '/', body, sourceIp: req.socket.remoteAddress ?? '' },
      { accountId: '000000000000' },
    );
    if (!result.ok) throw new DataApiError(result.errorType as DataApiErrorType, result.message);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const read = await readBody(req, maxBody);
    if (!read.ok) {
      if (read.reason === 'aborted') return;
      res.setHeader('connection', 'close');
      throw dataApiErrors.badRequest(read.reason === 'too-large' ? `The request body exceeds the Data API's limit of ${maxBody} bytes.` : 'The request body is not valid UTF-8.');
    }
    const body = read.text;
    await authenticate(req, body);
    if (path === '/ExecuteSql') throw dataApiErrors.badRequest('This API is deprecated and not available. Use ExecuteStatement API instead');
    const operation = operations[path];
    if (!operation || req.method !== 'POST') throw new DataApiError('UnknownOperationException', `No operation at ${req.method} ${path}.`);
    let request: unknown;
    try {
      request = body === '' ? {} : JSON.parse(body);
    } catch {
      throw dataApiErrors.badRequest('The request body is not valid JSON.');
    }
    const started = Date.now();
    const result = await operation(request as never);
    options.log?.({ operation: path.slice(1), ms: Date.now() - started, requestId }, 'data api');
    send(res, 200, result, { 'x-amzn-requestid': requestId });
  }

  return (req, res) => {
    const requestId = randomUUID();
    if (!hostCheck(req.headers.host)) {
      res.setHeader('connection', 'close');
      sendError(res, new DataApiError('ForbiddenException', refusedHostMessage(req.headers.host)), requestId);
      req.resume();
      return;
    }
    handle(req, res, requestId).catch((err: unknown) => {
      const error = err instanceof DataApiError ? err : dataApiErrors.internal();
      if (!(err instanceof DataApiError)) options.log?.({ err, requestId }, 'data api internal error');
      if (!res.headersSent) sendError(res, error, requestId);
      else res.destroy();
    });
  };
}

export interface DataApiServer {
  /** `http://127.0.0.1:<port>`: the value of AWS_ENDPOINT_URL_RDS_DATA. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the endpoint on `port` (0 = ephemeral) at `host`. */
export async function startDataApiServer(options: DataApiServerOptions & { port?: number; host?: string }): Promise<DataApiServer> {
  const server = http.createServer(createDataApiHandler(options));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    endpoint: `http://${shown}:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
