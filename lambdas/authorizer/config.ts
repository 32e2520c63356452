/**
 * The authorizer's configuration, from the environment only (the parity rule):
 *   USER_POOL_ID, USER_POOL_CLIENT_ID  the pool and app client whose access tokens are accepted
 *   COGNITO_ISSUER      optional; default https://cognito-idp.<region>.amazonaws.com/<poolId>.
 *                       Offline: the local pool's issuer, http://<host>:<port>/<poolId>
 *   COGNITO_JWKS_URI    optional; default <issuer>/.well-known/jwks.json
 *   TABLE_NAME          the table holding profiles (the handle for resolverContext)
 *   SCHEMA_PATH         optional; the schema.graphql the guest policy is derived from. Default:
 *                       ./schema.graphql in the working directory (the Lambda asset root, where
 *                       infra copies it), else the repository's schema.graphql.
 *   USER_TTL_SECONDS    a tunable (definitions/functions.ts; both halves set its default, 60): how
 *                       long AppSync may cache a signed-in user's answer, and so the bound on how
 *                       late a revoked token is refused. At most 300; absent: definitions/api.ts.
 *   AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER  the SDK's own endpoint override (offline: the local
 *                       pool's URL); the session check calls GetUser there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api } from '../../definitions/api.ts';

export interface AuthorizerConfig {
  userPoolId: string;
  clientId: string;
  issuer: string;
  jwksUri: string;
  schemaPath: string;
  userTtlSeconds: number;
}

function ttlFromEnv(): number {
  const raw = process.env.USER_TTL_SECONDS;
  if (raw === undefined || raw === '') return api.authorizer.userTtlSeconds;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 300) throw new Error(`USER_TTL_SECONDS must be an integer 0–300, got ${raw}`);
  return value;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export function readConfig(): AuthorizerConfig {
  const userPoolId = required('USER_POOL_ID');
  const region = userPoolId.split('_')[0];
  const issuer = (process.env.COGNITO_ISSUER || `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`).replace(/\/$/, '');
  const inAsset = path.resolve('schema.graphql');
  const inRepo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');
  return {
    userPoolId,
    clientId: required('USER_POOL_CLIENT_ID'),
    issuer,
    jwksUri: process.env.COGNITO_JWKS_URI || `${issuer}/.well-known/jwks.json`,
    schemaPath: process.env.SCHEMA_PATH || (fs.existsSync(inAsset) ? inAsset : inRepo),
    userTtlSeconds: ttlFromEnv(),
  };
}
