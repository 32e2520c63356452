/**
 * `cruddur-local start [--app MODULE] [--data-dir DIR] [--no-seed | --seed large]`: the offline
 * backend without the web app, serving Cruddur or the app `--app` names (a module exporting an
 * AppDefinition; cli/app-module.ts). `--seed large` (Cruddur only) adds the large fixture (seed/large: 1,000 accounts that can sign in,
 * 50,000 cruds over 30 days, a celebrity with 10,000 followers) once per data dir.
 * Ports come from APPSYNC_PORT (20002), COGNITO_PORT (9229), STORAGE_PORT (4569) and
 * DATA_API_PORT (the RDS Data API; ephemeral unless set); data lives
 * in `.cruddur/` at the repo root unless --data-dir says otherwise. Writes amplify_outputs.json
 * at the repo root and prints a short banner (banner.ts); Ctrl-C stops cleanly. The request log
 * below it is made readable by the bin unless LOG_FORMAT=json (observability/pretty).
 */
import path from 'node:path';
import type { AppDefinition } from '../../app-definition.ts';
import { loadApp } from '../../cli/app-module.ts';
import { repoRoot } from '../../lambda-runtime/invoke.ts';
import { DEFAULT_ALLOWED_ORIGINS } from '../../appsync/http/cors.ts';
import { writeOutputs } from '../../outputs/amplify-outputs.ts';
import { startStack } from '../../stack.ts';
import { backfillInsights } from '../../../../seed/insights-backfill.ts';
import { buildLargeFixture, FIXTURE_PASSWORD, userEmail, userHandle, type BuildSummary } from '../../../../seed/large/index.ts';
import { wantsPrettyLogs } from '../../observability/pretty/pretty-stream.ts';
import { startBanner } from '../../cli/banner.ts';

function largeFixtureLines(s: BuildSummary): string[] {
  const accounts = s.plan.users.filter((u) => u.email).length;
  return [
    s.built
      ? `Large fixture built: ${s.items.toLocaleString('en')} items, ${s.cognitoUsers} Cognito users in ${(s.ms.total / 1000).toFixed(1)} s (CPU ${(s.ms.cpu / 1000).toFixed(1)} s).`
      : 'Large fixture already present in this data dir.',
    `Sign in as any of its ${accounts} accounts: ${userHandle(0)}, ${userHandle(1)} … ${userHandle(accounts - 1)}`,
    `  email <handle>@large.cruddur.test (e.g. ${userEmail(userHandle(1))}), password ${FIXTURE_PASSWORD}`,
    '',
  ];
}

export interface StartArgs {
  /** `<module>[#export]` of the app to serve; undefined: Cruddur. */
  app?: string;
  dataDir: string;
  seed: boolean;
  /** Also build the large fixture. */
  large: boolean;
  /** Where amplify_outputs.json goes (default: the repo root, where the web app reads it). */
  outputsFile: string;
}

const USAGE = 'Usage: cruddur-local start [--app MODULE[#EXPORT]] [--data-dir DIR] [--no-seed | --seed large] [--outputs FILE]\n';

export function parseStartArgs(args: string[]): StartArgs | string {
  const parsed: StartArgs = { dataDir: path.join(repoRoot, '.cruddur'), seed: true, large: false, outputsFile: path.join(repoRoot, 'amplify_outputs.json') };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--no-seed') parsed.seed = false;
    else if ((arg === '--seed' && args[i + 1] === 'large') || arg === '--seed=large') {
      parsed.large = true;
      if (arg === '--seed') i++;
    }
    else if (arg === '--data-dir' && args[i + 1]) parsed.dataDir = path.resolve(args[++i]);
    else if (arg.startsWith('--data-dir=')) parsed.dataDir = path.resolve(arg.slice('--data-dir='.length));
    else if (arg === '--app' && args[i + 1]) parsed.app = args[++i];
    else if (arg.startsWith('--app=')) parsed.app = arg.slice('--app='.length);
    else if (arg === '--outputs' && args[i + 1]) parsed.outputsFile = path.resolve(args[++i]);
    else if (arg.startsWith('--outputs=')) parsed.outputsFile = path.resolve(arg.slice('--outputs='.length));
    else return `cruddur-local start: unknown or incomplete option '${arg}'\n${USAGE}`;
  }
  if (parsed.large && !parsed.seed) return `cruddur-local start: --seed large and --no-seed exclude each other\n${USAGE}`;
  if (parsed.large && parsed.app !== undefined) return `cruddur-local start: --seed large is Cruddur's fixture, not for --app\n${USAGE}`;
  return parsed;
}

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number`);
  return value;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseStartArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(parsed);
    return 2;
  }
  let app: AppDefinition;
  try {
    app = await loadApp(parsed.app);
  } catch (err) {
    process.stderr.write(`cruddur-local start: ${(err as Error).message}\n`);
    return 2;
  }
  const webOrigin = process.env.WEB_PORT ? [`http://localhost:${process.env.WEB_PORT}`] : [];
  const stack = await startStack({
    app,
    dataDir: parsed.dataDir,
    seed: parsed.seed,
    demoData: parsed.seed,
    host: process.env.HOST ?? '127.0.0.1',
    ports: { graphql: port('APPSYNC_PORT', 20002), cognito: port('COGNITO_PORT', 9229), storage: port('STORAGE_PORT', 4569), database: port('DATA_API_PORT', 0) },
    corsOrigins: process.env.CORS_ORIGINS ? process.env.CORS_ORIGINS.split(',').map((o) => o.trim()) : [...DEFAULT_ALLOWED_ORIGINS, ...webOrigin],
  });
  const large = parsed.large ? await buildLargeFixture(stack) : undefined;
  // The fixture is imported straight into the store, past the stream: Insights learn of it by backfill.
  if (large?.built) await backfillInsights({ dynamo: stack.dynamo, dataApi: stack.database.dataApi, credential: stack.iamCredential });
  const { outputsFile } = parsed;
  await writeOutputs(outputsFile, stack.outputs);

  process.stdout.write(
    startBanner({
      urls: stack.urls,
      webUrl: process.env.WEB_PORT ? `http://localhost:${process.env.WEB_PORT}` : undefined,
      databaseKind: stack.database.db.kind === 'pglite' ? 'embedded' : 'at DATABASE_URL',
      dataDir: parsed.dataDir,
      outputsFile,
      appName: stack.app.name,
      demoUsers: parsed.seed ? stack.app.demoUsers : [],
      extra: large ? largeFixtureLines(large) : [],
      prettyLogs: wantsPrettyLogs(),
    }),
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      stack.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
