/**
 * `cruddur-local <command> [options]`: a small dispatcher with one module per command, each
 * exporting `run(args): Promise<number>` (the process exit code).
 */
type Command = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> };

const commands: Record<string, Command> = {
  start: {
    summary: 'run the offline backend (GraphQL, real-time, Cognito, DynamoDB) [--app MODULE] [--data-dir DIR] [--no-seed | --seed large] [--outputs FILE]',
    load: () => import('../app/cli/start.ts'),
  },
  'backfill-insights': {
    summary: 'rebuild the Insights database from the table, stack stopped [--data-dir DIR]',
    load: () => import('../app/cli/backfill-insights.ts'),
  },
  'evaluate-code': {
    summary: 'run an APPSYNC_JS handler like `aws appsync evaluate-code`',
    load: () => import('./evaluate-code.ts'),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}`);
  return `Usage: cruddur-local <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`cruddur-local: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(rest);
}
