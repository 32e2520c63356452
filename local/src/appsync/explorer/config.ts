/** What the explorer page needs to know, injected into the HTML as JSON. */
export interface ExplorerConfig {
  /** The GraphQL endpoint path or URL the page posts to (same origin by default). */
  graphqlUrl: string;
  /** Local Cognito endpoint and app client, for "sign in as a demo user". */
  cognito?: { endpoint: string; clientId: string };
  /** Demo accounts to offer in the sign-in form. */
  demoUsers?: { email: string; password: string }[];
  /** Shown as the first query. */
  defaultQuery?: string;
}
