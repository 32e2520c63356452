/**
 * Bundles the in-sandbox library (../lib) into one script, once per process, and compiles it once;
 * every resolver context runs the same compiled script.
 */
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'entry.ts');
let script: vm.Script | null = null;

export function preludeScript(): vm.Script {
  if (script) return script;
  const out = buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
  });
  // Evaluates to the module's exports, so the host gets `boot` without a global name.
  const code = `(function () { const module = { exports: {} }; const exports = module.exports;\n${out.outputFiles[0].text}\nreturn module.exports; })()`;
  script = new vm.Script(code, { filename: 'appsync-runtime-prelude.js' });
  return script;
}
