/**
 * The contract between request authentication (HTTP and real-time handshakes) and the engine.
 * `authenticate` turns a request's headers into the identity AppSync would put in `ctx.identity`;
 * the engine then applies the schema's auth directives for that mode.
 */
import type { AuthMode } from '../../app-definition.ts';

export type { AuthMode };

export interface AuthContext {
  mode: AuthMode;
  /** `ctx.identity` exactly as AppSync shapes it for this mode (null for API_KEY). */
  identity: Record<string, unknown> | null;
  /** Cognito groups (`cognito:groups`), checked against `@aws_cognito_user_pools(cognito_groups:)`. */
  cognitoGroups?: string[];
  /** From the Lambda authorizer, normalised to `Type.field`; such fields resolve to null with an error. */
  deniedFields?: string[];
}

export interface IncomingAuthRequest {
  /** Header names lower-cased. */
  headers: Record<string, string>;
  method: string;
  /** Path the request was signed for, e.g. `/graphql` or `/graphql/connect` (IAM). */
  path: string;
  /** Raw body as signed (IAM verifies its hash). */
  body: string;
  sourceIp: string;
  /** For the Lambda authorizer's `requestContext`. */
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  /** The request id AppSync puts in the authorizer's `requestContext` (and `x-amzn-requestid`). */
  requestId?: string;
}

export type AuthResult =
  | { ok: true; auth: AuthContext }
  | { ok: false; status: 401 | 403; errorType: string; message: string };

export interface Authenticator {
  readonly defaultMode: AuthMode;
  readonly modes: readonly AuthMode[];
  authenticate(request: IncomingAuthRequest): Promise<AuthResult>;
}
