/**
 * AppSync's built-in directives and scalars, declared the way AppSync declares them
 * (`GetIntrospectionSchema` output; developer guide "security-authz.html",
 * "aws-appsync-real-time-data.html"). The schema author's SDL does not declare them, so they are
 * prepended before building; a schema that redeclares one is rejected, as AppSync does. The
 * declarations live in appsync-prelude.graphql beside this file, which codegen reads too.
 */
import fs from 'node:fs';
import { parse } from 'graphql';

export const appsyncPrelude = fs.readFileSync(new URL('./appsync-prelude.graphql', import.meta.url), 'utf8');

/** Names declared by the prelude; a user schema must not redeclare them. */
export const preludeNames = new Set(
  parse(appsyncPrelude).definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : [])),
);

/** Auth directive name → the auth mode it admits. */
export const authDirectiveModes = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
} as const;
