#!/usr/bin/env node
// `npm start`: the whole app offline — the local AppSync stack (GraphQL, real-time, Cognito,
// storage, embedded DynamoDB) and the web app on Vite's dev server. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = Number(process.env.APPSYNC_PORT ?? 20002);
const webPort = Number(process.env.WEB_PORT ?? 5173);
const children = [];

function run(command, args, name, env = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? code}); stopping everything.`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

// WEB_PORT tells the backend the web app's address, for its CORS origins and start banner.
run(process.execPath, ['local/bin/cruddur-local.mjs', 'start', ...process.argv.slice(2)], 'cruddur-local', { WEB_PORT: String(webPort) });
// The web app reads amplify_outputs.json, which the local stack writes once it is listening.
for (let i = 0; !(await portOpen(apiPort)); i += 1) {
  if (stopping) process.exit(1);
  if (i === 600) { console.error(`The local stack did not open port ${apiPort} within 60 s.`); stop(1); }
  await new Promise((r) => setTimeout(r, 100));
}
run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'web', '--port', String(webPort), '--strictPort'], 'vite');
