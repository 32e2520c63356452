// Entry for the fan-out benchmark (`npm run bench` runs bench/*/run.ts): runs server.ts pinned to core 0 (when taskset exists) with
// --expose-gc and tsx; server.ts forks the subscriber process on core 1. See server.ts for env.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('./server.ts', import.meta.url));
const node = [process.execPath, '--expose-gc', '--import', 'tsx', server];
const hasTaskset = spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
const [cmd, ...args] = hasTaskset ? ['taskset', '-c', '0', ...node] : node;
const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
process.exit(result.status ?? 1);
