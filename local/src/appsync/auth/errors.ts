/**
 * The request-level rejections AppSync answers before any resolver runs. Texts as AppSync sends
 * them (observed bodies quoted in aws-amplify/amplify-js#4373, #2645, #9513 and the AppSync team's
 * HTTP notes in graphql/graphql-over-http#81).
 */
import type { AuthResult } from './types.ts';

type Failure = Extract<AuthResult, { ok: false }>;

const unauthorized = (message: string): Failure => ({ ok: false, status: 401, errorType: 'UnauthorizedException', message });

export const authFailures = {
  /** No credentials for any configured mode. */
  missing: () => unauthorized('Valid authorization header not provided.'),
  /** Credentials present but rejected (API key, Lambda authorizer, Cognito client, …). */
  denied: () => unauthorized('You are not authorized to make this call.'),
  unparsableJwt: () => unauthorized('Unable to parse JWT token.'),
  expiredJwt: () => unauthorized('Token has expired.'),
  /** SigV4 failures use the AWS request-signing error vocabulary. */
  badSignature: (): Failure => ({
    ok: false,
    status: 403,
    errorType: 'InvalidSignatureException',
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  }),
  expiredSignature: (date: string): Failure => ({
    ok: false,
    status: 403,
    errorType: 'InvalidSignatureException',
    message: `Signature expired: ${date} is now earlier or later than 5 minutes from the current time.`,
  }),
  unknownAccessKey: (): Failure => ({
    ok: false,
    status: 403,
    errorType: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  }),
  incompleteSignature: (detail: string): Failure => ({ ok: false, status: 403, errorType: 'IncompleteSignatureException', message: detail }),
};
