/** What the explorer page needs to know, injected into the HTML as JSON. The app supplies it all. */
export interface ExplorerConfig {
  /** The GraphQL endpoint path or URL the page posts to (same origin by default). */
  graphqlUrl: string;
  /** Local Cognito endpoint and app client, for signing in from the user picker. */
  cognito?: { endpoint: string; clientId: string };
  /** Accounts offered in the user picker (`label` shown beside the email). */
  demoUsers?: ExplorerUser[];
  /**
   * What a signed-out caller sends as `Authorization` (an app whose authorizer admits guests by a
   * token, as Cruddur's does with `guest`), and what guests may do. Without it guests send nothing.
   */
  guest?: { token: string; description?: string };
  /** Shown as the first query. */
  defaultQuery?: string;
  /** How to learn the signed-in caller's id (to fill example variables) and a label for them. */
  caller?: { query: string; idPath: string; labelPath?: string };
  /** Example operations, listed by group in the Examples pane. */
  examples?: ExplorerExample[];
  /** Shown above the examples: what a newcomer must know first (e.g. where ids come from). */
  examplesNote?: string;
}

export interface ExplorerUser {
  email: string;
  password: string;
  label?: string;
}

export interface ExplorerExample {
  group: string;
  title: string;
  description?: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Variables set to the signed-in caller's id. */
  callerIdVariables?: string[];
}
