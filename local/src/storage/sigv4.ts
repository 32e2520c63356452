/**
 * S3 request authentication, both SigV4 forms S3 accepts ("Authenticating Requests (AWS
 * Signature Version 4)"): the `Authorization` header (SDK calls) and query parameters (presigned
 * URLs). Neither is computed by hand: the request is re-signed (or re-presigned) with
 * @smithy/signature-v4 under the configured local credential and the signatures are compared in
 * constant time. Only the headers the caller signed enter the re-signed request, so a signed
 * `content-type`/`content-length` binds the upload's type and size.
 */
import { timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { s3Errors, S3ErrorResponse } from './errors.ts';

export interface StorageCredential {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignedRequest {
  method: string;
  /** Raw path as received (percent-encoded). */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

/** Who signed the request (absent for anonymous requests). */
export interface Principal {
  accessKeyId: string;
  /** Presigned URLs: the signed headers the body must match. */
  signedHeaders: string[];
}

/** S3 refuses requests dated more than 15 minutes from its clock ("RequestTimeTooSkewed"). */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** Presigned URLs live at most 7 days (X-Amz-Expires ≤ 604800). */
const MAX_EXPIRES = 604_800;
const AUTH_QUERY = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'];
const headerPattern = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;
const credentialPattern = /^([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request$/;

function parseAmzDate(value: string | undefined): Date | undefined {
  const m = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

/** A query parameter by case-insensitive name (signers hoist `x-amz-*` headers in either case). */
export function queryValue(q: URLSearchParams, lowerName: string): string | undefined {
  for (const [k, v] of q) if (k.toLowerCase() === lowerName) return v;
  return undefined;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);

function signedHeaderValues(req: SignedRequest, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = one(req.headers[name]);
    if (value === undefined) throw new S3ErrorResponse(s3Errors.signatureDoesNotMatch());
    out[name] = value;
  }
  return out;
}

function sameSignature(expected: string | undefined, given: string): boolean {
  return !!expected && expected.length === given.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

function signerFor(credential: StorageCredential, region: string): SignatureV4 {
  return new SignatureV4({ credentials: credential, region, service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
}

function baseRequest(req: SignedRequest, headers: Record<string, string>, query: Record<string, string>): HttpRequest {
  // The path is already percent-encoded as the client signed it; S3 signs it without re-encoding.
  return new HttpRequest({ method: req.method, protocol: 'http:', hostname: headers.host ?? '', path: req.path, query, headers });
}

/**
 * Authenticates a request. Returns undefined for an anonymous request (no signature at all),
 * the principal for a valid one, and throws an S3 error for a bad or expired one.
 */
export async function authenticate(req: SignedRequest, credentials: StorageCredential[], now = Date.now()): Promise<Principal | undefined> {
  const authorization = one(req.headers.authorization);
  if (authorization) return verifyHeader(req, authorization, credentials, now);
  if (req.query.has('X-Amz-Signature') || req.query.has('X-Amz-Credential')) return verifyQuery(req, credentials, now);
  return undefined;
}

async function verifyHeader(req: SignedRequest, authorization: string, credentials: StorageCredential[], now: number): Promise<Principal> {
  const m = headerPattern.exec(authorization.trim());
  if (!m) throw new S3ErrorResponse(s3Errors.invalidArgument({ ArgumentName: 'Authorization' }));
  const [, accessKeyId, day, region, signedList, signature] = m;
  const credential = credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!credential) throw new S3ErrorResponse(s3Errors.invalidAccessKeyId({ AWSAccessKeyId: accessKeyId }));
  const amzDate = one(req.headers['x-amz-date']);
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate || amzDate!.slice(0, 8) !== day) throw new S3ErrorResponse(s3Errors.accessDenied());
  if (Math.abs(now - signingDate.getTime()) > MAX_SKEW_MS) throw new S3ErrorResponse(s3Errors.requestTimeTooSkewed());
  // S3 requires x-amz-content-sha256 on header-signed requests; it is the payload in the signature.
  if (!req.headers['x-amz-content-sha256']) throw new S3ErrorResponse(s3Errors.invalidArgument({ ArgumentName: 'x-amz-content-sha256' }));
  const signedHeaders = signedList.split(';');
  if (!signedHeaders.includes('host')) throw new S3ErrorResponse(s3Errors.signatureDoesNotMatch());
  const headers = signedHeaderValues(req, signedHeaders);
  const query = Object.fromEntries(req.query);
  const signed = await signerFor(credential, region).sign(baseRequest(req, headers, query), { signingDate, signableHeaders: new Set(signedHeaders) });
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1];
  if (!sameSignature(expected, signature)) throw new S3ErrorResponse(s3Errors.signatureDoesNotMatch());
  return { accessKeyId, signedHeaders };
}

async function verifyQuery(req: SignedRequest, credentials: StorageCredential[], now: number): Promise<Principal> {
  const q = req.query;
  if (AUTH_QUERY.some((name) => !q.get(name))) throw new S3ErrorResponse(s3Errors.authorizationQueryParametersError());
  if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') throw new S3ErrorResponse(s3Errors.authorizationQueryParametersError());
  const cred = credentialPattern.exec(q.get('X-Amz-Credential')!);
  if (!cred) throw new S3ErrorResponse(s3Errors.authorizationQueryParametersError());
  const [, accessKeyId, day, region] = cred;
  const credential = credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!credential) throw new S3ErrorResponse(s3Errors.invalidAccessKeyId({ AWSAccessKeyId: accessKeyId }));
  const amzDate = q.get('X-Amz-Date')!;
  const signingDate = parseAmzDate(amzDate);
  const expires = Number(q.get('X-Amz-Expires'));
  if (!signingDate || amzDate.slice(0, 8) !== day || !Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES) {
    throw new S3ErrorResponse(s3Errors.authorizationQueryParametersError());
  }
  if (signingDate.getTime() - now > MAX_SKEW_MS) throw new S3ErrorResponse(s3Errors.notYetValid());
  if (now > signingDate.getTime() + expires * 1000) {
    throw new S3ErrorResponse(s3Errors.expired({ Expires: new Date(signingDate.getTime() + expires * 1000).toISOString(), ServerTime: new Date(now).toISOString() }));
  }
  const signedHeaders = q.get('X-Amz-SignedHeaders')!.split(';');
  if (!signedHeaders.includes('host')) throw new S3ErrorResponse(s3Errors.signatureDoesNotMatch());
  const headers = signedHeaderValues(req, signedHeaders);
  const query: Record<string, string> = {};
  for (const [k, v] of q) if (!AUTH_QUERY.includes(k)) query[k] = v;
  // The canonical request's last line is the payload hash the signer chose: X-Amz-Content-Sha256
  // when the URL carries one (a hex hash or UNSIGNED-PAYLOAD), else UNSIGNED-PAYLOAD. The signer
  // reads it from this header, which must stay out of the signed headers and the query.
  const payload = 'x-amz-content-sha256';
  const payloadHash = queryValue(q, payload) ?? 'UNSIGNED-PAYLOAD';
  const presigned = await signerFor(credential, region).presign(baseRequest(req, { ...headers, [payload]: payloadHash }, query), {
    signingDate,
    expiresIn: expires,
    signableHeaders: new Set(signedHeaders),
    unsignableHeaders: new Set([payload]),
    unhoistableHeaders: new Set([payload]),
  });
  const signedQuery = presigned.query ?? {};
  const expectedHeaders = String(signedQuery['X-Amz-SignedHeaders']);
  const expected = signedQuery['X-Amz-Signature'] as string | undefined;
  if (expectedHeaders !== q.get('X-Amz-SignedHeaders') || !sameSignature(expected, q.get('X-Amz-Signature')!)) {
    throw new S3ErrorResponse(s3Errors.signatureDoesNotMatch());
  }
  return { accessKeyId, signedHeaders };
}
