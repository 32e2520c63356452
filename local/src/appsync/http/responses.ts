/**
 * AppSync's HTTP envelope: JSON bodies, `x-amzn-RequestId` on every response and
 * `x-amzn-ErrorType` on request-level errors (headers as AppSync returns them, see
 * aws-amplify/amplify-js#5518; error bodies from the AppSync team's notes in
 * graphql/graphql-over-http#81).
 */
import type { ServerResponse } from 'node:http';
import { refusedHostMessage } from '../../host-check/host-check.ts';

export const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

export interface RequestError {
  status: number;
  errorType: string;
  message: string;
}

export const requestErrors = {
  emptyBody: (): RequestError => ({ status: 400, errorType: 'MalformedHttpRequestException', message: 'Request body is empty.' }),
  unparsable: (): RequestError => ({ status: 400, errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' }),
  // (chosen) AppSync documents no answer for bytes that are not UTF-8; a body it cannot read is
  // 400 MalformedHttpRequestException, so this is too, with a message that names the cause.
  invalidUtf8: (what: 'Request body' | 'Query string' = 'Request body'): RequestError => ({ status: 400, errorType: 'MalformedHttpRequestException', message: `${what} is not valid UTF-8.` }),
  tooLarge: (limit: number): RequestError => ({ status: 413, errorType: 'BadRequestException', message: `Request body exceeds the maximum size of ${limit} bytes.` }),
  methodNotAllowed: (): RequestError => ({ status: 405, errorType: 'BadRequestException', message: 'Method not allowed; use POST or GET.' }),
  notFound: (): RequestError => ({ status: 404, errorType: 'NotFoundException', message: 'No resource at this path; GraphQL is served at /graphql.' }),
  forbiddenOrigin: (): RequestError => ({ status: 403, errorType: 'ForbiddenException', message: 'Origin not allowed.' }),
  /** A Host outside the allowlist (host-check/host-check.ts): a possible DNS-rebinding request. */
  forbiddenHost: (host: string | undefined): RequestError => ({ status: 403, errorType: 'ForbiddenException', message: refusedHostMessage(host) }),
  internal: (): RequestError => ({ status: 500, errorType: 'InternalFailure', message: 'An internal failure occurred.' }),
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': JSON_CONTENT_TYPE, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

export function sendError(res: ServerResponse, error: RequestError, headers: Record<string, string> = {}): void {
  sendJson(res, error.status, { errors: [{ errorType: error.errorType, message: error.message }] }, { ...headers, 'x-amzn-ErrorType': error.errorType });
}
