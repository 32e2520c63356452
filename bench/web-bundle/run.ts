/**
 * First-load JavaScript of the web app (gzip) per route, against the 300 KB first-load budget
 * (docs/web.md).
 * Builds the app fresh, then runs web/scripts/bundle-size.mjs, which prints the table and exits 1
 * over budget.
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['web/scripts/bundle-size.mjs', '--build', '--budget-kb', '300'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
