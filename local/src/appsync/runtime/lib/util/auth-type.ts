/**
 * util.authType(): AppSync reads the shape of ctx.identity. Observed through EvaluateCode (the
 * conformance vectors): a shape matches only when it has exactly the fields of one auth mode's
 * identity, with its required fields present; anything else counts as API key.
 */
import { state } from '../state.ts';

type Shape = { keys: string[]; required: string[] };

const IAM: Shape = {
  keys: ['accountId', 'cognitoIdentityPoolId', 'cognitoIdentityId', 'sourceIp', 'username', 'userArn', 'cognitoIdentityAuthType', 'cognitoIdentityAuthProvider'],
  required: ['accountId', 'sourceIp', 'username', 'userArn'],
};
const USER_POOL: Shape = {
  keys: ['sourceIp', 'username', 'groups', 'sub', 'issuer', 'claims', 'defaultAuthStrategy'],
  required: ['sourceIp', 'username', 'sub', 'issuer', 'claims', 'defaultAuthStrategy'],
};
const OIDC: Shape = { keys: ['sub', 'issuer', 'claims'], required: ['sub', 'issuer', 'claims'] };
const LAMBDA: Shape = { keys: ['resolverContext'], required: [] };

function fits(identity: Record<string, unknown>, shape: Shape): boolean {
  return Object.keys(identity).every((k) => shape.keys.includes(k))
    && shape.required.every((k) => identity[k] !== undefined && identity[k] !== null);
}

export function authTypeOf(identity: unknown): string {
  if (identity === null || identity === undefined || typeof identity !== 'object' || Array.isArray(identity)) return 'API Key Authorization';
  const id = identity as Record<string, unknown>;
  if (fits(id, LAMBDA)) return 'Lambda Authorization';
  if (fits(id, IAM)) return 'IAM Authorization';
  if (fits(id, USER_POOL)) return 'User Pool Authorization';
  if (fits(id, OIDC)) return 'Open ID Connect Authorization';
  return 'API Key Authorization';
}

export function authType(): string {
  return authTypeOf(state().identity);
}
