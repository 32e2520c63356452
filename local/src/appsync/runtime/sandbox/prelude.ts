/**
 * Bundles the in-sandbox library (../lib) into one script, once per process, and compiles it once;
 * every resolver context runs the same compiled script. The bundle is cached on disk (keyed by the
 * library's files), so short-lived processes such as `evaluate-code` skip esbuild.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// esbuild is loaded only when the cached bundle is missing: short-lived processes skip it.
const require = createRequire(import.meta.url);

const libDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lib');
let script: vm.Script | null = null;

function libFingerprint(): string {
  const hash = createHash('sha256').update((require('esbuild/package.json') as { version: string }).version);
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const st = fs.statSync(full);
        hash.update(`${full}:${st.size}:${st.mtimeMs}\n`);
      }
    }
  };
  visit(libDir);
  return hash.digest('hex').slice(0, 16);
}

function bundle(): string {
  const cacheFile = path.join(os.tmpdir(), `cruddur-appsync-prelude-${libFingerprint()}.js`);
  try {
    return fs.readFileSync(cacheFile, 'utf8');
  } catch {
    // not cached yet
  }
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  const out = buildSync({
    entryPoints: [path.join(libDir, 'entry.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
  });
  const text = out.outputFiles[0].text;
  try {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, cacheFile);
  } catch {
    // a read-only temp dir only costs the next process a rebuild
  }
  return text;
}

export function preludeScript(): vm.Script {
  if (script) return script;
  // Evaluates to the module's exports, so the host gets `boot` without a global name.
  const code = `(function () { const module = { exports: {} }; const exports = module.exports;\n${bundle()}\nreturn module.exports; })()`;
  script = new vm.Script(code, { filename: 'appsync-runtime-prelude.js' });
  return script;
}
