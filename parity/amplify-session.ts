/**
 * One person's session through the real aws-amplify v6 client: sign-in (SRP, Amplify's default)
 * in a token store of its own — as if each person used their own browser — then GraphQL queries,
 * mutations and real-time subscriptions with that person's access token (Lambda auth mode).
 */
import { generateClient } from 'aws-amplify/api';
import { confirmSignIn, fetchAuthSession, signIn, type SignInOutput } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { Hub } from 'aws-amplify/utils';
import { MemoryStorage } from '../local/src/cognito/testing/amplify-harness.ts';

/** A GraphQL response as AppSync sends it (Amplify rejects with this shape when errors are present). */
export interface GraphQLResult<T = any> {
  data?: T | null;
  errors?: { message: string; errorType?: string; path?: (string | number)[] | null }[];
}

export interface Subscription {
  events: any[];
  errors: unknown[];
  unsubscribe(): void;
}

/** Starts a sign-in in a fresh storage (one per person, as separate browsers); returns Amplify's answer (nextStep) for the caller to act on. */
export async function startSignIn(email: string, password: string): Promise<SignInOutput> {
  cognitoUserPoolsTokenProvider.setKeyValueStorage(new MemoryStorage());
  return signIn({ username: email, password });
}

/** Answers NEW_PASSWORD_REQUIRED (a user an administrator created) with the person's own password. */
export const setNewPassword = (password: string) => confirmSignIn({ challengeResponse: password });

/** The access token of the person signed in last; the app's authorizer takes it as the Lambda token. */
export async function currentAccessToken(): Promise<string> {
  const token = (await fetchAuthSession()).tokens?.accessToken?.toString();
  if (!token) throw new Error('Amplify holds no access token');
  return token;
}

const client = () => generateClient();

/** Runs a query or mutation with `token`; GraphQL errors come back as data, not thrown. */
export async function graphql<T = any>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  try {
    return (await client().graphql({ query, variables, authMode: 'lambda', authToken: token } as never)) as GraphQLResult<T>;
  } catch (err) {
    if (err && typeof err === 'object' && 'errors' in err) return err as GraphQLResult<T>;
    throw err;
  }
}

type Observable = { subscribe(o: { next(v: unknown): void; error(e: unknown): void }): { unsubscribe(): void } };

/** Subscribes with `token`; resolves once the server acknowledged the start or refused it. */
export async function subscribe(token: string, query: string, variables: Record<string, unknown>, timeoutMs = 20_000): Promise<Subscription> {
  let acked = false;
  const stop = Hub.listen('api', ({ payload }) => {
    if (payload.event === 'Subscription ack') acked = true;
  });
  const events: any[] = [];
  const errors: unknown[] = [];
  const observable = client().graphql({ query, variables, authMode: 'lambda', authToken: token } as never) as unknown as Observable;
  const sub = observable.subscribe({ next: (v) => events.push(v), error: (e) => errors.push(e) });
  try {
    await until(() => acked || errors.length > 0, timeoutMs, 'the subscription was neither acknowledged nor refused');
  } finally {
    stop();
  }
  return { events, errors, unsubscribe: () => sub.unsubscribe() };
}

/** Waits for `check` (an event arriving over the network), failing with `what` after timeoutMs. */
export async function until(check: () => boolean, timeoutMs = 20_000, what = 'timed out'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(what);
    await new Promise((r) => setTimeout(r, 25));
  }
}
