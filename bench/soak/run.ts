/**
 * Soak benchmark of the embedded DynamoDB (store + front): 200k mixed reads and writes with the
 * heap capped as in the crash report (`--max-old-space-size=160`), checking that heap and RSS
 * stay flat after warm-up. The load runs in a child process so the cap and `--expose-gc` apply
 * to the store under test; this wrapper only starts it and passes its exit code on.
 *
 * Env: SOAK_OPS (200000), SOAK_CONCURRENCY (16), SOAK_HEAP_MB (160), SOAK_STORE (disk; or memory).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const heapMb = Number(process.env.SOAK_HEAP_MB ?? 160);
const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--expose-gc', '--import', 'tsx', path.join(here, 'soak.ts')], {
  stdio: 'inherit',
  // As `cruddur-local start` runs the store (local/bin/cruddur-local.mjs): glibc malloc held to two
  // arenas, without which RSS creeps by fragmentation across LevelDB's and libuv's threads.
  env: { MALLOC_ARENA_MAX: '2', ...process.env, SOAK_HEAP_MB: String(heapMb) },
});
process.exit(result.status ?? 1);
