/**
 * AWS_IAM mode: the SigV4 `Authorization` header is checked by the stack's one verifier
 * (iam/sigv4-verify.ts) against the configured credentials, and a valid caller gets AppSync's IAM
 * identity. Also used for the real-time `/connect` handshake and the Data API.
 */
import { verifySigV4 } from '../../iam/sigv4-verify.ts';
import type { IamCredential } from './config.ts';
import { authFailures } from './errors.ts';
import type { AuthResult, IncomingAuthRequest } from './types.ts';

/** Verifies an AWS_IAM request; a valid one gets `ctx.identity` as AppSync builds it for IAM callers. */
export async function authenticateIam(
  credentials: IamCredential[],
  request: IncomingAuthRequest,
  defaults: { accountId: string },
  now: number = Date.now(),
): Promise<AuthResult> {
  const verified = await verifySigV4(credentials, request, { now });
  if (!verified.ok) {
    switch (verified.reason) {
      case 'missing':
        return authFailures.incompleteSignature('Authorization header requires Credential, SignedHeaders and Signature.');
      case 'incomplete':
        return authFailures.incompleteSignature(verified.detail);
      case 'unknown-key':
        return authFailures.unknownAccessKey();
      case 'expired':
        return authFailures.expiredSignature(verified.amzDate);
      default:
        return authFailures.badSignature();
    }
  }
  const { credential } = verified;
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
