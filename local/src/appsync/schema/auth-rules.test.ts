import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../auth/types.ts';
import { computeAuthRules, isAllowed } from './auth-rules.ts';
import { loadSchema } from './load-schema.ts';

const { schema } = loadSchema(`
  type Query {
    plain: Int
    keyOnly: Int @aws_api_key
    admins: Int @aws_cognito_user_pools(cognito_groups: ["admin"])
    legacyAdmins: Int @aws_auth(cognito_groups: ["admin"])
    post: Post
  }
  type Post @aws_lambda @aws_iam {
    id: ID!
    secret: String @aws_iam
    legacyNested: String @aws_auth(cognito_groups: ["admin"])
  }
`);
const lambdaDefault = computeAuthRules(schema, 'AWS_LAMBDA');
const auth = (mode: AuthContext['mode'], cognitoGroups?: string[]): AuthContext => ({ mode, identity: null, cognitoGroups });
const allowed = (key: string, a: AuthContext) => isAllowed(lambdaDefault.get(key)!, a);

describe('auth directive rules', () => {
  it('unannotated elements admit only the default mode', () => {
    expect(allowed('Query.plain', auth('AWS_LAMBDA'))).toBe(true);
    expect(allowed('Query.plain', auth('API_KEY'))).toBe(false);
    expect(allowed('Query.plain', auth('AWS_IAM'))).toBe(false);
  });

  it('a field directive replaces the default mode', () => {
    expect(allowed('Query.keyOnly', auth('API_KEY'))).toBe(true);
    expect(allowed('Query.keyOnly', auth('AWS_LAMBDA'))).toBe(false);
  });

  it('type directives apply to unannotated fields; field directives override them', () => {
    expect(allowed('Post.id', auth('AWS_IAM'))).toBe(true);
    expect(allowed('Post.id', auth('AWS_LAMBDA'))).toBe(true);
    expect(allowed('Post.id', auth('API_KEY'))).toBe(false);
    expect(allowed('Post.secret', auth('AWS_IAM'))).toBe(true);
    expect(allowed('Post.secret', auth('AWS_LAMBDA'))).toBe(false);
  });

  it('cognito_groups requires membership of a listed group', () => {
    expect(allowed('Query.admins', auth('AMAZON_COGNITO_USER_POOLS', ['admin', 'x']))).toBe(true);
    expect(allowed('Query.admins', auth('AMAZON_COGNITO_USER_POOLS', ['users']))).toBe(false);
    expect(allowed('Query.admins', auth('AMAZON_COGNITO_USER_POOLS'))).toBe(false);
    expect(allowed('Query.legacyAdmins', auth('AMAZON_COGNITO_USER_POOLS', ['admin']))).toBe(true);
    expect(allowed('Query.legacyAdmins', auth('AMAZON_COGNITO_USER_POOLS', []))).toBe(false);
  });

  it('@aws_auth has no effect below the root types', () => {
    // The field falls back to Post's type directives.
    expect(allowed('Post.legacyNested', auth('AWS_IAM'))).toBe(true);
    expect(allowed('Post.legacyNested', auth('AMAZON_COGNITO_USER_POOLS', ['admin']))).toBe(false);
  });

  it('the default mode follows the API configuration', () => {
    const keyDefault = computeAuthRules(schema, 'API_KEY');
    expect(isAllowed(keyDefault.get('Query.plain')!, auth('API_KEY'))).toBe(true);
    expect(isAllowed(keyDefault.get('Query.plain')!, auth('AWS_LAMBDA'))).toBe(false);
  });
});
