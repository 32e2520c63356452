/**
 * The todo app's Lambdas: an authorizer that admits one bearer token, and the two user-pool
 * triggers every pool definition names (they accept every sign-up as it is).
 */
export const TODO_TOKEN = 'todo-token';

export async function authorizer(event: { authorizationToken: string }) {
  return { isAuthorized: event.authorizationToken === TODO_TOKEN, resolverContext: { app: 'todo' } };
}

export async function trigger<T>(event: T): Promise<T> {
  return event;
}
