/**
 * AWS_IAM mode: verify a SigV4 `Authorization` header by re-signing the same request with the
 * configured local credential (@smithy/signature-v4, never a hand-rolled signer) and comparing
 * signatures in constant time. Also used for the real-time `/connect` handshake.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IamCredential } from './config.ts';
import { authFailures } from './errors.ts';
import type { AuthResult, IncomingAuthRequest } from './types.ts';

/** AWS rejects signatures dated more than 5 minutes from the server clock. */
const MAX_SKEW_MS = 5 * 60 * 1000;
const header = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;

export interface ParsedSigV4 {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

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

export async function authenticateIam(
  credentials: IamCredential[],
  request: IncomingAuthRequest,
  defaults: { accountId: string },
  now: number = Date.now(),
): Promise<AuthResult> {
  const parsed = parseSigV4(request.headers.authorization ?? '');
  if (!parsed) return authFailures.incompleteSignature('Authorization header requires Credential, SignedHeaders and Signature.');
  const credential = credentials.find((c) => c.accessKeyId === parsed.accessKeyId);
  if (!credential) return authFailures.unknownAccessKey();
  const amzDate = request.headers['x-amz-date'];
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate || amzDate!.slice(0, 8) !== parsed.date) return authFailures.incompleteSignature('Authorization header requires a valid x-amz-date matching the credential scope.');
  if (Math.abs(now - signingDate.getTime()) > MAX_SKEW_MS) return authFailures.expiredSignature(amzDate!);
  if (!parsed.signedHeaders.includes('host')) return authFailures.incompleteSignature('The host header must be signed.');

  // A signed x-amz-content-sha256 stands in for the body in the signature, so it must match the body.
  const declaredHash = request.headers['x-amz-content-sha256'];
  if (declaredHash && declaredHash !== 'UNSIGNED-PAYLOAD' && declaredHash !== createHash('sha256').update(request.body).digest('hex')) {
    return authFailures.badSignature();
  }

  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return authFailures.badSignature();
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
  if (expected.length !== 64 || !timingSafeEqual(Buffer.from(expected), Buffer.from(parsed.signature))) return authFailures.badSignature();

  const accountId = credential.accountId ?? defaults.accountId;
  const username = credential.username ?? credential.accessKeyId;
  return {
    ok: true,
    auth: {
      mode: 'AWS_IAM',
      identity: {
        accountId,
        cognitoIdentityPoolId: null,
        cognitoIdentityId: null,
        sourceIp: [request.sourceIp],
        username,
        userArn: credential.userArn ?? `arn:aws:iam::${accountId}:user/${username}`,
        cognitoIdentityAuthType: null,
        cognitoIdentityAuthProvider: null,
      },
    },
  };
}
