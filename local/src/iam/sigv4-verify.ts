/**
 * Verifies an AWS Signature Version 4 `Authorization` header against the offline stack's IAM
 * credentials: the same request is re-signed with @smithy/signature-v4 (the AWS SDK's own signer,
 * never hand-rolled crypto) and the signatures compared in constant time. Service-neutral: each
 * endpoint (AppSync AWS_IAM, the Data API, Cognito's Admin actions) maps a refusal to its own
 * error shape. S3 keeps its own verifier (storage/sigv4.ts) for presigned URLs and chunked bodies.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { LocalCredential } from './local-credential.ts';

/** AWS refuses signatures dated more than 5 minutes from its clock ("Signature expired"). */
export const MAX_SKEW_MS = 5 * 60 * 1000;

const header = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;

/** The parts of an `AWS4-HMAC-SHA256` Authorization header. */
export interface ParsedSigV4 {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses an Authorization header; undefined when it is not a complete SigV4 header. */
export function parseSigV4(authorization: string): ParsedSigV4 | undefined {
  const m = header.exec(authorization.trim());
  if (!m) return undefined;
  return { accessKeyId: m[1], date: m[2], region: m[3], service: m[4], signedHeaders: m[5].split(';'), signature: m[6] };
}

/** `20250101T120000Z` → Date. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

/** A request as received: header names lower-cased, the body exactly as signed. */
export interface SignedRequest {
  headers: Record<string, string>;
  method: string;
  /** Path and query as sent, e.g. `/graphql` or `/?a=b`. */
  path: string;
  body: string;
}

/** Why a request was refused; endpoints turn this into their service's error. */
export type SigV4Refusal =
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'incomplete'; detail: string }
  | { ok: false; reason: 'wrong-service'; expected: string }
  | { ok: false; reason: 'unknown-key' }
  | { ok: false; reason: 'expired'; amzDate: string; now: number; late: boolean }
  | { ok: false; reason: 'mismatch' };

export type SigV4Result<C extends LocalCredential> = { ok: true; credential: C; parsed: ParsedSigV4 } | SigV4Refusal;

export interface VerifyOptions {
  /** Clock in ms since the epoch; default Date.now(). */
  now?: number;
  /** When set, the credential scope must name this signing service (e.g. `cognito-idp`). */
  service?: string;
}

/** Checks `request`'s SigV4 signature against `credentials`; never throws for bad input. */
export async function verifySigV4<C extends LocalCredential>(credentials: readonly C[], request: SignedRequest, options: VerifyOptions = {}): Promise<SigV4Result<C>> {
  const now = options.now ?? Date.now();
  const authorization = request.headers.authorization;
  if (!authorization) return { ok: false, reason: 'missing' };
  const parsed = parseSigV4(authorization);
  if (!parsed) return { ok: false, reason: 'incomplete', detail: 'Authorization header requires Credential, SignedHeaders and Signature.' };
  if (options.service && parsed.service !== options.service) return { ok: false, reason: 'wrong-service', expected: options.service };
  const credential = credentials.find((c) => c.accessKeyId === parsed.accessKeyId);
  if (!credential) return { ok: false, reason: 'unknown-key' };
  const amzDate = request.headers['x-amz-date'];
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate || amzDate!.slice(0, 8) !== parsed.date) return { ok: false, reason: 'incomplete', detail: 'Authorization header requires a valid x-amz-date matching the credential scope.' };
  if (Math.abs(now - signingDate.getTime()) > MAX_SKEW_MS) return { ok: false, reason: 'expired', amzDate: amzDate!, now, late: signingDate.getTime() < now };
  if (!parsed.signedHeaders.includes('host')) return { ok: false, reason: 'incomplete', detail: 'The host header must be signed.' };

  // A signed x-amz-content-sha256 stands in for the body in the signature, so it must match the body.
  const declaredHash = request.headers['x-amz-content-sha256'];
  if (declaredHash && declaredHash !== 'UNSIGNED-PAYLOAD' && declaredHash !== createHash('sha256').update(request.body).digest('hex')) {
    return { ok: false, reason: 'mismatch' };
  }

  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return { ok: false, reason: 'mismatch' };
    headers[name] = value;
  }
  const [pathname, query = ''] = request.path.split('?');
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      // Only a signed token may enter the canonical request, or the signed-header lists differ.
      sessionToken: parsed.signedHeaders.includes('x-amz-security-token') ? request.headers['x-amz-security-token'] : undefined,
    },
    region: parsed.region,
    service: parsed.service,
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method.toUpperCase(),
      protocol: 'https:',
      hostname: headers.host,
      path: pathname,
      query: Object.fromEntries(new URLSearchParams(query)),
      headers,
      body: request.body,
    }),
    { signingDate, signableHeaders: new Set(parsed.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? signed.headers.Authorization))?.[1] ?? '';
  if (expected.length !== 64 || !timingSafeEqual(Buffer.from(expected), Buffer.from(parsed.signature))) return { ok: false, reason: 'mismatch' };
  return { ok: true, credential, parsed };
}

/** Node's request headers as the verifier takes them: lower-case names, repeated values joined. */
export function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  return headers;
}
