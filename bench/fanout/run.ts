// Entry for the fan-out benchmark (`npm run bench` runs bench/*/run.ts): runs server.ts pinned to core 0 (when taskset exists) with
// --expose-gc and tsx, once per mode (memory, latency); server.ts forks the subscriber process on
// core 1. See server.ts for env.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('./server.ts', import.meta.url));
const hasTaskset = spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
let status = 0;
// Memory first, in its own process with a small young generation (see server.ts), then latency.
for (const [mode, flags] of [['memory', ['--max-semi-space-size=1']], ['latency', []]] as const) {
  const node = [process.execPath, '--expose-gc', ...flags, '--import', 'tsx', server];
  const [cmd, ...args] = hasTaskset ? ['taskset', '-c', '0', ...node] : node;
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', FANOUT_MODE: mode } });
  status ||= result.status ?? 1;
}
process.exit(status);
