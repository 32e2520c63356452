/**
 * Which configured mode a request is authenticated with. AppSync infers it from the credentials
 * (there is no header naming the mode):
 * - `Authorization: AWS4-HMAC-SHA256 …` is a SigV4 signature → AWS_IAM, when enabled;
 * - an `Authorization` value that parses as a JWT (optionally after `Bearer `) → the Cognito user
 *   pool whose issuer it names, when Cognito is enabled — such a token never reaches the Lambda
 *   authorizer (developer guide "security-authz", "Circumventing SigV4 and OIDC token
 *   authorization limitations"; aws/aws-appsync-community#312, aws-amplify/amplify-cli#9714);
 * - any other `Authorization` value → AWS_LAMBDA, when enabled;
 * - no `Authorization` but `x-api-key` → API_KEY, when enabled.
 * A request whose credentials fail their mode is rejected: AppSync does not retry it under
 * another mode.
 */
import type { AuthMode } from './types.ts';

export type Selection =
  | { mode: 'AWS_IAM' }
  | { mode: 'AMAZON_COGNITO_USER_POOLS'; token: string; issuer: string | undefined }
  | { mode: 'AWS_LAMBDA'; token: string }
  | { mode: 'API_KEY'; key: string }
  | { mode: undefined };

function jwtIssuer(token: string): { jwt: boolean; issuer?: string } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[0] || !parts[1]) return { jwt: false };
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof header !== 'object' || header === null || typeof payload !== 'object' || payload === null) return { jwt: false };
    return { jwt: true, issuer: typeof payload.iss === 'string' ? payload.iss : undefined };
  } catch {
    return { jwt: false };
  }
}

export function selectMode(headers: Record<string, string>, enabled: ReadonlySet<AuthMode>): Selection {
  const authorization = headers.authorization?.trim();
  if (authorization) {
    if (enabled.has('AWS_IAM') && authorization.startsWith('AWS4-HMAC-SHA256')) return { mode: 'AWS_IAM' };
    if (enabled.has('AMAZON_COGNITO_USER_POOLS')) {
      const bare = authorization.replace(/^Bearer\s+/i, '');
      const { jwt, issuer } = jwtIssuer(bare);
      // A `Bearer ` prefix routes the token here but is not accepted by the verifier (AppSync wants the raw JWT).
      if (jwt) return { mode: 'AMAZON_COGNITO_USER_POOLS', token: authorization, issuer };
    }
    if (enabled.has('AWS_LAMBDA')) return { mode: 'AWS_LAMBDA', token: authorization };
    if (enabled.has('AMAZON_COGNITO_USER_POOLS')) return { mode: 'AMAZON_COGNITO_USER_POOLS', token: authorization, issuer: undefined };
  }
  const apiKey = headers['x-api-key'];
  if (apiKey && enabled.has('API_KEY')) return { mode: 'API_KEY', key: apiKey };
  return { mode: undefined };
}
