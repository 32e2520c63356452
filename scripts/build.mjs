#!/usr/bin/env node
// `npm run build`: everything that can be built — resolver bundles (dist/resolvers, as AppSync
// receives them), the web app (web/dist), and the CDK templates (infra/cdk.out).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const step = (name, args, cwd = root) => {
  console.log(`\n▶ ${name}`);
  execFileSync(args[0], args.slice(1), { cwd, stdio: 'inherit' });
};
step('resolvers → dist/resolvers', [process.execPath, '--import', 'tsx', '-e', `
  import('./definitions/resolvers.ts').then(async ({ discoverResolvers, bundleResolver, resolversDir }) => {
    const fs = await import('node:fs'); const path = await import('node:path');
    for (const r of discoverResolvers()) for (const file of [r.file, ...r.functions.map((f) => f.file)]) {
      const out = path.join('dist/resolvers', path.relative(resolversDir, file).replace(/\\.ts$/, '.js'));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, await bundleResolver(file));
    }
    console.log('bundled', discoverResolvers().length, 'resolvers');
  });`]);
if (fs.existsSync(path.join(root, 'web/index.html'))) step('web → web/dist', ['npx', 'vite', 'build', 'web']);
step('infra → infra/cdk.out', ['npx', 'cdk', 'synth', '--quiet'], path.join(root, 'infra'));
