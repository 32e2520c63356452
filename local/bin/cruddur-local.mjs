#!/usr/bin/env node
// Entry point of `npx cruddur-local <command>`: registers tsx so the TypeScript sources run as-is
// (the repository has no build step), then hands over to the command dispatcher.
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';

register();

// `start` runs as a child of this process, for two reasons. On Linux, glibc's malloc is held to two
// arenas: LevelDB's and libuv's worker threads otherwise each grow an arena of their own, and the
// server's RSS creeps by fragmentation while its heap stays flat (decision 015; `npm run soak`);
// the variable only takes effect at process start. And unless LOG_FORMAT=json, the child's stdout
// (its JSON log lines and those of the Lambda processes it forks) is rewritten here as readable lines.
if (process.argv[2] === 'start' && process.env.CRUDDUR_LOCAL_CHILD === undefined) {
  const { wantsPrettyLogs, wantsAllLines, createPrettyStream } = await import('../src/observability/pretty/pretty-stream.ts');
  const pretty = wantsPrettyLogs();
  const env = { ...process.env, CRUDDUR_LOCAL_CHILD: '1' };
  if (process.platform === 'linux' && env.MALLOC_ARENA_MAX === undefined) env.MALLOC_ARENA_MAX = '2';
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: ['inherit', pretty ? 'pipe' : 'inherit', 'inherit'], env });
  const stdoutDone = pretty
    ? new Promise((resolve) => {
        const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
        child.stdout.pipe(createPrettyStream({ color, all: wantsAllLines() })).on('end', resolve).pipe(process.stdout, { end: false });
      })
    : Promise.resolve();
  const signals = ['SIGINT', 'SIGTERM'];
  for (const signal of signals) process.on(signal, () => child.kill(signal));
  child.on('exit', async (code, signal) => {
    await stdoutDone;
    for (const s of signals) process.removeAllListeners(s);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
