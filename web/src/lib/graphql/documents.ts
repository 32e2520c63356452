/**
 * Branded operation strings, the same trick Amplify's own codegen uses (`GeneratedQuery<I, O>` in
 * its generated `queries.ts`): the document is a plain string at run time (Amplify parses it), and
 * the brand carries its variables and result types for the hooks.
 */
declare const brand: unique symbol;

interface Brand<Kind extends string, V, R> {
  readonly [brand]: { kind: Kind; variables: V; result: R };
}

export type QueryDocument<V, R> = string & Brand<'query', V, R>;
export type MutationDocument<V, R> = string & Brand<'mutation', V, R>;
export type SubscriptionDocument<V, R> = string & Brand<'subscription', V, R>;

/** An operation's name (`HomeFeed` for the HomeFeed query), the stable part of its cache key. */
export function operationName(document: string): string {
  return /^\s*(?:query|mutation|subscription)\s+([A-Za-z0-9_]+)/.exec(document)?.[1] ?? document;
}
