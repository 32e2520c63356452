#!/usr/bin/env node
// First-load JavaScript of the web app, gzip-compressed, from Vite's build manifest.
//
// First load of a route = the entry chunk and everything it imports statically, plus the route's
// lazy chunk (and, for routes that pick a sub-page lazily such as /@handle, the heaviest sub-page)
// with their static imports. Prints every route's total and fails (exit 1) when the heaviest is
// over the budget. Usage: node web/scripts/bundle-size.mjs [--build] [--budget-kb 300] [--json]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(webDir, 'dist');
const args = process.argv.slice(2);
const budgetKb = Number(args[args.indexOf('--budget-kb') + 1]) || 300;
const manifestPath = join(dist, '.vite', 'manifest.json');

if (args.includes('--build') || !existsSync(manifestPath)) {
  const { build } = await import('vite');
  await build({ root: webDir, configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}

/** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[]}>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const gzipCache = new Map();
const gz = (file) => {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gzipCache.get(file);
};

/** Keys of `key` and its static imports, transitively. */
function closure(key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, into);
  return into;
}
const jsFiles = (keys) => [...keys].filter((k) => manifest[k]?.file.endsWith('.js')).map((k) => manifest[k].file);
const size = (keys) => jsFiles(keys).reduce((n, file) => n + gz(file), 0);
const minus = (a, b) => new Set([...a].filter((k) => !b.has(k)));

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error('no entry in the Vite manifest');
const entry = closure(entryKey);
const entryBytes = size(entry);

const rows = [];
for (const route of manifest[entryKey].dynamicImports ?? []) {
  const own = minus(closure(route), entry);
  let extra = new Set();
  let extraBytes = 0;
  let via = '';
  for (const sub of manifest[route].dynamicImports ?? []) {
    const subKeys = minus(closure(sub), new Set([...entry, ...own]));
    const subBytes = size(subKeys);
    if (subBytes > extraBytes) [extra, extraBytes, via] = [subKeys, subBytes, sub];
  }
  const files = jsFiles(new Set([...entry, ...own, ...extra]));
  rows.push({ route: route.replace(/^src\/app\/routes\//, ''), via: via.replace(/^src\/app\/routes\//, ''), bytes: entryBytes + size(own) + extraBytes, files });
}
rows.sort((a, b) => b.bytes - a.bytes);
const kb = (n) => (n / 1024).toFixed(1);
const worst = rows[0]?.bytes ?? entryBytes;

if (args.includes('--json')) {
  // `files` (dist-relative) lets tests check what a first load carries, e.g. that a library stays lazy.
  console.log(JSON.stringify({ entryBytes, entryFiles: jsFiles(entry), worstBytes: worst, budgetBytes: budgetKb * 1024, routes: rows }));
} else {
  console.log(`first-load JS (gzip), budget ${budgetKb} KB`);
  console.log(`  entry (shell, Amplify, router)      ${kb(entryBytes).padStart(7)} KB`);
  for (const r of rows) console.log(`  ${(r.route + (r.via ? ` → ${r.via}` : '')).padEnd(36)} ${kb(r.bytes).padStart(7)} KB`);
  console.log(`heaviest first load: ${kb(worst)} KB ${worst <= budgetKb * 1024 ? '≤' : '>'} ${budgetKb} KB`);
}
process.exit(worst <= budgetKb * 1024 ? 0 : 1);
