/**
 * IAM authorization of Cognito's Admin actions. In AWS they need a SigV4 signature of an IAM
 * principal (service `cognito-idp`); public actions (SignUp, InitiateAuth, …) are unsigned. Offline
 * the only principal is the stack's local credential (iam/local-credential.ts), checked by the
 * stack's one verifier (iam/sigv4-verify.ts). Refusals are HTTP 400 in Cognito's JSON error shape,
 * with the request-signing error names AWS's JSON-protocol services send with 400 (listed for
 * DynamoDB in the developer guide, "Error handling with DynamoDB", Programming.Errors.html):
 * unsigned → MissingAuthenticationTokenException "Missing Authentication Token"
 * (aws/aws-sdk-cpp#1622, aws/aws-sdk-net-extensions-cognito#95), wrong secret →
 * InvalidSignatureException with the text quoted in aws/aws-sdk-js#1985 (adminInitiateAuth),
 * unknown key → UnrecognizedClientException, a clock off by more than 5 minutes →
 * InvalidSignatureException "Signature expired: …".
 */
import type http from 'node:http';
import { flatHeaders, MAX_SKEW_MS, verifySigV4, type SigV4Refusal } from '../../iam/sigv4-verify.ts';
import type { LocalCredential } from '../../iam/local-credential.ts';
import { CognitoError } from '../errors.ts';

/** Cognito's signing name, the `service` part of the credential scope. */
export const SIGNING_SERVICE = 'cognito-idp';

/** `2026-12-08T00:20:00.000Z` → `20261208T002000Z`, the form AWS quotes in skew errors. */
const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The Cognito error for a refused signature. */
export function refusalError(refusal: SigV4Refusal): CognitoError {
  switch (refusal.reason) {
    case 'missing':
      return new CognitoError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    case 'incomplete':
      return new CognitoError('IncompleteSignatureException', refusal.detail);
    case 'wrong-service':
      return new CognitoError('InvalidSignatureException', `Credential should be scoped to correct service: '${refusal.expected}'. `);
    case 'unknown-key':
      return new CognitoError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    case 'expired':
      return new CognitoError(
        'InvalidSignatureException',
        refusal.late
          ? `Signature expired: ${refusal.amzDate} is now earlier than ${amzDate(refusal.now - MAX_SKEW_MS)} (${amzDate(refusal.now)} - 5 min.)`
          : `Signature not yet current: ${refusal.amzDate} is still later than ${amzDate(refusal.now + MAX_SKEW_MS)} (${amzDate(refusal.now)} + 5 min.)`,
      );
    case 'mismatch':
      return new CognitoError(
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
  }
}

/** Throws the Cognito error AWS would send unless `req` (with `body` as read) is signed by one of `credentials`. */
export async function requireIamSignature(credentials: readonly LocalCredential[], req: http.IncomingMessage, body: string, now = Date.now()): Promise<void> {
  const result = await verifySigV4(credentials, { headers: flatHeaders(req.headers), method: req.method ?? 'POST', path: req.url ?? '/', body }, { now, service: SIGNING_SERVICE });
  if (!result.ok) throw refusalError(result);
}
