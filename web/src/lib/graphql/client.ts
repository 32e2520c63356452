import { generateClient } from 'aws-amplify/api';
import { fetchAuthSession } from 'aws-amplify/auth';
import type { MutationDocument, QueryDocument, SubscriptionDocument } from './documents.ts';
import { type ApiError, toApiError } from './errors.ts';

/** The token the Lambda authorizer expects: the Cognito access token, or `guest` when signed out. */
export const GUEST_TOKEN = 'guest';

let client: Untyped | undefined;
/** Amplify's client, typed as the one call we make (its generics are for Gen 2 models, unused here). */
function amplifyClient(): Untyped {
  client ??= generateClient() as unknown as Untyped;
  return client;
}

/**
 * The Authorization value for the next request. fetchAuthSession refreshes an expired access
 * token with the refresh token, so a long-open tab keeps working; `forceRefresh` refreshes now.
 */
export async function currentAuthToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
  try {
    const session = await fetchAuthSession(options);
    return session.tokens?.accessToken.toString() ?? GUEST_TOKEN;
  } catch {
    return GUEST_TOKEN;
  }
}

interface Untyped {
  graphql(options: {
    query: string;
    variables?: object;
    authMode: 'lambda';
    authToken: string;
  }): Promise<{ data: unknown }> | { subscribe(observer: SubscriptionObserver<unknown>): { unsubscribe(): void } };
}

/** Observer for a subscription's events. */
export interface SubscriptionObserver<R> {
  next(message: { data: R }): void;
  error(err: unknown): void;
}

/**
 * Runs a query or mutation with AWS_LAMBDA auth. Resolves with `data`; rejects with ApiError.
 * Amplify's own conditional types are bypassed once here (the document brand carries V and R).
 */
export async function execute<V extends object, R>(
  document: QueryDocument<V, R> | MutationDocument<V, R>,
  variables: V,
): Promise<R> {
  const authToken = await currentAuthToken();
  try {
    const result = await (amplifyClient().graphql({
      query: document,
      variables,
      authMode: 'lambda',
      authToken,
    }) as Promise<{ data: unknown }>);
    return result.data as R;
  } catch (err) {
    throw toApiError(err);
  }
}

/** Starts a subscription with AWS_LAMBDA auth; returns the function that stops it. */
export function subscribe<V extends object, R>(
  document: SubscriptionDocument<V, R>,
  variables: V,
  authToken: string,
  observer: { next(data: R): void; error(err: ApiError): void },
): () => void {
  const observable = amplifyClient().graphql({
    query: document,
    variables,
    authMode: 'lambda',
    authToken,
  }) as { subscribe(observer: SubscriptionObserver<unknown>): { unsubscribe(): void } };
  const sub = observable.subscribe({
    next: (message) => observer.next(message.data as R),
    error: (err) => observer.error(toApiError(err)),
  });
  return () => sub.unsubscribe();
}
