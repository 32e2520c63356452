/**
 * The seed's (and scenario tests') view of Cruddur: GraphQL over HTTP as a signed-in user, with
 * an access token from the local Cognito (USER_PASSWORD_AUTH) — the same path the web app takes,
 * through the real Lambda authorizer.
 */
import { callCognito } from '../local/src/cognito/client.ts';

export interface GraphQLResult<T = any> {
  data?: T | null;
  errors?: { message: string; errorType?: string; path?: (string | number)[] }[];
  /** AppSync's response extensions, e.g. `apiCacheEntriesDeleted` after a mutation's cache evictions. */
  extensions?: Record<string, unknown>;
}

export type Operation = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<T>>;

/** What `seedDemoData` needs: an operation runner per demo handle. */
export interface SeedApi {
  asUser(handle: string): Operation;
}

export interface Credentials {
  email: string;
  password: string;
}

export async function signIn(cognitoUrl: string, clientId: string, c: Credentials): Promise<string> {
  const res = await callCognito<{ AuthenticationResult: { AccessToken: string } }>(cognitoUrl, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: c.email, PASSWORD: c.password },
  });
  return res.AuthenticationResult.AccessToken;
}

/** Runs operations against `graphqlUrl` with `Authorization: <token>` (a Cognito access token, or `guest`). */
export function operationFor(graphqlUrl: string, token: string): Operation {
  return async (query, variables) => {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}`, errorType: 'HttpError' }] };
    }
  };
}

/**
 * A SeedApi for a running stack: signs each user in once (lazily) and reuses the token.
 * `users` maps handles to credentials (definitions/demo-users.ts).
 */
export function createSeedApi(options: { graphqlUrl: string; cognitoUrl: string; clientId: string; users: (Credentials & { handle: string })[] }): SeedApi {
  const tokens = new Map<string, Promise<string>>();
  return {
    asUser(handle) {
      const user = options.users.find((u) => u.handle === handle);
      if (!user) throw new Error(`unknown demo user ${handle}`);
      return async (query, variables) => {
        let token = tokens.get(handle);
        if (!token) {
          token = signIn(options.cognitoUrl, options.clientId, user);
          tokens.set(handle, token);
        }
        return operationFor(options.graphqlUrl, await token)(query, variables);
      };
    },
  };
}
