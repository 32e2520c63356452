#!/usr/bin/env node
// `npm run test:cloud`: the parity suite (parity/) against the deployment an amplify_outputs.json
// describes — by default the one `npm run deploy` writes at the repo root, or CRUDDUR_OUTPUTS=path.
// The same file written by `cruddur-local start` points it at a running offline stack instead.
// Users are created and removed through the pool's Admin API: AWS credentials allowed
// cognito-idp:AdminConfirmSignUp/AdminCreateUser/AdminGetUser/AdminDeleteUser on the pool must be
// in the environment (the SDK's default chain). Extra arguments go to vitest.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(process.env.CRUDDUR_OUTPUTS ?? path.join(root, 'amplify_outputs.json'));
if (!fs.existsSync(file)) {
  console.error(`test:cloud: ${file} does not exist. Run \`npm run deploy\` (it writes amplify_outputs.json), or set CRUDDUR_OUTPUTS=path/to/amplify_outputs.json.`);
  process.exit(2);
}
console.log(`test:cloud: parity suite against ${file}`);
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', '--project', 'parity', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: { ...process.env, CRUDDUR_OUTPUTS: file } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
