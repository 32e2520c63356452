/**
 * S3's REST error responses: an XML `<Error>` document with Code, Message, Resource and RequestId
 * and the status S3 documents for each code (Amazon S3 API Reference, "Error responses",
 * "List of error codes"). HEAD responses carry no body, as in S3.
 */
import type { ServerResponse } from 'node:http';
import { refusedHostMessage } from '../host-check/host-check.ts';

export interface S3Error {
  status: number;
  code: string;
  message: string;
  /** Extra child elements S3 adds for some codes (e.g. `Key`, `BucketName`, `MaxSizeAllowed`). */
  details?: Record<string, string>;
}

const make = (status: number, code: string, message: string) => (details?: Record<string, string>): S3Error => ({ status, code, message, details });

/** The codes the offline endpoint answers with, worded as S3 words them. */
export const s3Errors = {
  noSuchKey: make(404, 'NoSuchKey', 'The specified key does not exist.'),
  noSuchBucket: make(404, 'NoSuchBucket', 'The specified bucket does not exist'),
  accessDenied: make(403, 'AccessDenied', 'Access Denied'),
  expired: make(403, 'AccessDenied', 'Request has expired'),
  notYetValid: make(403, 'AccessDenied', 'Request is not valid yet'),
  signatureDoesNotMatch: make(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'),
  invalidAccessKeyId: make(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.'),
  requestTimeTooSkewed: make(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'),
  authorizationQueryParametersError: make(400, 'AuthorizationQueryParametersError', 'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.'),
  invalidArgument: make(400, 'InvalidArgument', 'Invalid argument.'),
  /** Keys are at most 1,024 bytes of UTF-8 (S3 API Reference, "List of error codes": KeyTooLongError, 400). */
  keyTooLong: make(400, 'KeyTooLongError', 'Your key is too long.'),
  missingContentLength: make(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.'),
  incompleteBody: make(400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header'),
  entityTooLarge: make(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'),
  badDigest: make(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed."),
  methodNotAllowed: make(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.'),
  corsForbidden: make(403, 'AccessForbidden', 'CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource\'s CORS spec.'),
  notImplemented: make(501, 'NotImplemented', 'A header you provided implies functionality that is not implemented'),
  internalError: make(500, 'InternalError', 'We encountered an internal error. Please try again.'),
  /** A Host outside the allowlist (host-check/host-check.ts); S3's code for a refused request. */
  hostNotAllowed: (host: string | undefined): S3Error => ({ status: 403, code: 'AccessDenied', message: refusedHostMessage(host) }),
};

/** Escapes text for an XML element. */
export const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** The XML document S3 sends for an error. */
export function errorXml(error: S3Error, resource: string, requestId: string): string {
  const extra = Object.entries(error.details ?? {})
    .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message>${extra}` +
    `<Resource>${escapeXml(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`
  );
}

export function sendS3Error(res: ServerResponse, error: S3Error, opts: { resource: string; requestId: string; head: boolean }): void {
  const body = errorXml(error, opts.resource, opts.requestId);
  res.writeHead(error.status, {
    'content-type': 'application/xml',
    'x-amz-request-id': opts.requestId,
    ...(opts.head ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
  });
  res.end(opts.head ? undefined : body);
}

/** Thrown inside the request pipeline; the server turns it into the XML answer. */
export class S3ErrorResponse extends Error {
  constructor(readonly error: S3Error) {
    super(`${error.code}: ${error.message}`);
  }
}
