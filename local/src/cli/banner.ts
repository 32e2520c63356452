/**
 * The few lines `cruddur-local start` (and so `npm start`) prints once the stack listens: where
 * everything is, who to sign in as, and where the codes of a new sign-up or a password reset
 * appear — the things a newcomer looks for first, above the request log.
 */

export interface BannerInfo {
  /** The app served (`AppDefinition.name`; default Cruddur). */
  appName?: string;
  urls: { graphql: string; realtime: string; explorer: string; cognito?: string; storage?: string; database?: string };
  /** The web app's address when it is served next to the backend (`npm start`). */
  webUrl?: string;
  /** How Insights' Postgres runs, shown next to the Data API. */
  databaseKind?: 'embedded' | 'at DATABASE_URL';
  dataDir: string;
  outputsFile: string;
  demoUsers: { email: string; password: string }[];
  /** Extra lines (the large fixture's sign-in hint). */
  extra?: string[];
  /** Whether log lines are readable (default) or JSON (LOG_FORMAT=json). */
  prettyLogs: boolean;
}

const row = (label: string, value: string) => `  ${label.padEnd(11)} ${value}`;

/** The banner text, ending with a newline. */
export function startBanner(b: BannerInfo): string {
  const lines = [
    '',
    `${b.appName ?? 'Cruddur'} is running offline.`,
    '',
    ...(b.webUrl ? [row('Web app', b.webUrl)] : []),
    row('GraphQL', b.urls.graphql),
    row('Explorer', b.urls.explorer),
    row('Real-time', b.urls.realtime),
    ...(b.urls.cognito ? [row('Cognito', b.urls.cognito)] : []),
    ...(b.urls.storage ? [row('Storage', b.urls.storage)] : []),
    ...(b.urls.database ? [row('Data API', `${b.urls.database}${b.databaseKind ? `  (Postgres ${b.databaseKind})` : ''}`)] : []),
    row('Data', b.dataDir),
    row('Outputs', b.outputsFile),
    '',
    ...(b.demoUsers.length > 0 ? ['Demo users (email / password):', ...b.demoUsers.map((u) => `  ${u.email.padEnd(28)} ${u.password}`), ''] : []),
    ...(b.extra ?? []),
    ...(b.urls.cognito
      ? ['Codes for a new sign-up or a password reset are not emailed: each is printed here in a ✉ box', `and listed at ${b.urls.cognito}/_local/outbox?email=<email>`, '']
      : []),
    b.prettyLogs ? 'Logs: one line per request; LOG_FORMAT=json for JSON lines. Ctrl-C stops.' : 'Logs: JSON lines (LOG_FORMAT=json). Ctrl-C stops.',
    '',
  ];
  return `${lines.join('\n')}\n`;
}
