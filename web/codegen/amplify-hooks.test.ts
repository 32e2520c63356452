import { createRequire } from 'node:module';
import { buildSchema, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

interface Plugin {
  plugin(schema: GraphQLSchema, documents: Array<{ location: string; document: DocumentNode }>, config: Record<string, string>): string;
}
const { plugin } = createRequire(import.meta.url)('./amplify-hooks.cjs') as Plugin;

const schema = buildSchema(`
  type User { id: ID! handle: String! }
  type UserConnection { items: [User!]! nextToken: String }
  type Query { me: User! user(handle: String!): User followers(handle: String!, limit: Int, nextToken: String): UserConnection! }
  type Mutation { follow(handle: String!): User! }
  type Subscription { onUser(id: ID!): User }
`);
const doc = (location: string, text: string) => ({ location, document: parse(text) });

describe('amplify-hooks codegen plugin', () => {
  const out = plugin(
    schema,
    [
      doc('web/src/features/profile/api/fields.graphql', 'fragment A on User { id ...B } fragment B on User { handle }'),
      doc('web/src/features/profile/api/user.graphql', 'query User($handle: String!) { user(handle: $handle) { ...A } }'),
      doc('web/src/features/auth/api/me.graphql', 'query Me { me { id } }'),
      doc('web/src/features/profile/api/followers.graphql', 'query Followers($handle: String!, $nextToken: String) { followers(handle: $handle, nextToken: $nextToken) { items { id } nextToken } }'),
      doc('web/src/features/profile/api/follow.graphql', 'mutation Follow($handle: String!) { follow(handle: $handle) { id } }'),
      doc('web/src/features/profile/api/on-user.graphql', 'subscription OnUser($id: ID!) { onUser(id: $id) { id } }'),
    ],
    {},
  );

  it('emits a branded document with every fragment it needs, transitively', () => {
    const userDoc = out.slice(out.indexOf('export const UserDocument'), out.indexOf('export function useUserQuery'));
    expect(userDoc).toContain('fragment A on User');
    expect(userDoc).toContain('fragment B on User');
    expect(userDoc).toContain('as QueryDocument<T.UserQueryVariables, T.UserQuery>');
    const meDoc = out.slice(out.indexOf('export const MeDocument'), out.indexOf('export function useMeQuery'));
    expect(meDoc).not.toContain('fragment');
  });

  it('names one hook per operation by kind', () => {
    expect(out).toContain('export function useUserQuery(variables: T.UserQueryVariables, options?: QueryOptions)');
    expect(out).toContain('export function useMeQuery(options?: QueryOptions)');
    expect(out).toContain(
      'export function useFollowMutation(options?: MutationOptions<T.FollowMutationVariables, T.FollowMutation>): MutationResult<T.FollowMutationVariables, T.FollowMutation>',
    );
    expect(out).toContain('export function useOnUserSubscription(variables: T.OnUserSubscriptionVariables, options: SubscriptionOptions<T.OnUserSubscription>)');
    expect(out).toContain("import { useInfiniteQuery, useMutation, useQuery, useSubscription } from '../lib/graphql/index.ts';");
  });

  it('adds an infinite query hook for paginated queries only', () => {
    expect(out).toContain('export function useFollowersQuery(variables: T.FollowersQueryVariables, options?: QueryOptions)');
    expect(out).toContain(
      "export function useFollowersInfiniteQuery(variables: Omit<T.FollowersQueryVariables, 'nextToken'>, options?: QueryOptions): InfiniteQueryResult<T.FollowersQuery, 'followers'>",
    );
    expect(out).toContain("return useInfiniteQuery(FollowersDocument, 'followers', variables, options);");
    expect(out).not.toContain('useUserInfiniteQuery');
    expect(out).not.toContain('useMeInfiniteQuery');
  });

  it('rejects anonymous, non-PascalCase and duplicate operations and unknown fragments', () => {
    expect(() => plugin(schema, [doc('a.graphql', '{ me { id } }')], {})).toThrow(/needs a name/);
    expect(() => plugin(schema, [doc('a.graphql', 'query meQuery { me { id } }')], {})).toThrow(/PascalCase/);
    expect(() => plugin(schema, [doc('a.graphql', 'query Me { me { id } }'), doc('b.graphql', 'query Me { me { handle } }')], {})).toThrow(/defined twice/);
    expect(() => plugin(schema, [doc('a.graphql', 'query Me { me { ...Nope } }')], {})).toThrow(/unknown fragment/);
  });

  it('escapes template-literal syntax in documents', () => {
    const text = plugin(schema, [doc('a.graphql', 'query Me { me { id } } # ${x} `y`')], {});
    expect(text).not.toContain('${x}');
  });
});
