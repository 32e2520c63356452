/**
 * Bundles the explorer page (GraphiQL + React from node_modules) with esbuild once per process,
 * on first request, so the explorer works offline and costs nothing until used.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface ExplorerAssets {
  js: string;
  css: string;
}

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client', 'main.tsx');
let pending: Promise<ExplorerAssets> | undefined;

export function explorerAssets(): Promise<ExplorerAssets> {
  pending ??= build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    outdir: 'explorer-out',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
    logLevel: 'silent',
  }).then((result) => ({
    js: result.outputFiles.find((f) => f.path.endsWith('.js'))!.text,
    css: result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '',
  }));
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}
