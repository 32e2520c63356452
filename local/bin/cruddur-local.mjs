#!/usr/bin/env node
// Entry point of `npx cruddur-local <command>`: registers tsx so the TypeScript sources run as-is
// (the repository has no build step), then hands over to the command dispatcher.
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';

// A long-running `start` on Linux runs with glibc's malloc held to two arenas: LevelDB's and
// libuv's worker threads otherwise each grow an arena of their own, and the server's RSS creeps
// by fragmentation while its heap stays flat (decision 015; `npm run soak`). The variable only
// takes effect at process start, hence the one re-exec.
if (process.argv[2] === 'start' && process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined) {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, MALLOC_ARENA_MAX: '2' } });
  const signals = ['SIGINT', 'SIGTERM'];
  for (const signal of signals) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    for (const s of signals) process.removeAllListeners(s);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else {
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
