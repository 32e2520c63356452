import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The boundaries bulletproof-react enforces with import/no-restricted-paths, checked here without
// another lint plugin: features never import each other (routes in src/app compose them), shared
// layers (components, lib, config) never import features or app, and GraphQL lives only in
// .graphql files and the generated src/graphql/.
const src = dirname(fileURLToPath(import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const sources = files(src).map((path) => ({ path: relative(src, path), text: readFileSync(path, 'utf8') }));
const imports = (file: { path: string; text: string }) =>
  [...file.text.matchAll(/from '(\.[^']+)'/g)].map((m) => relative(src, resolve(src, dirname(file.path), m[1] as string)));
const area = (path: string) => {
  const [top, name] = path.split('/');
  return top === 'features' ? `features/${name}` : (top ?? '');
};

describe('web/src boundaries', () => {
  it('features do not import other features', () => {
    const bad = sources.filter((f) => f.path.startsWith('features/')).flatMap((f) =>
      imports(f).filter((i) => i.startsWith('features/') && area(i) !== area(f.path)).map((i) => `${f.path} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('shared layers do not import features or app', () => {
    const shared = sources.filter((f) => /^(components|lib|config)\//.test(f.path));
    const bad = shared.flatMap((f) => imports(f).filter((i) => /^(features|app)\//.test(i)).map((i) => `${f.path} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('has no hand-written GraphQL outside src/graphql', () => {
    const gql = /\b(query|mutation|subscription|fragment)\s+[A-Z]\w*\s*[({]|\bgql`|graphql\(\s*`/;
    const bad = sources.filter((f) => !f.path.startsWith('graphql/') && gql.test(f.text)).map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('has no `any`', () => {
    const bad = sources.filter((f) => !f.path.startsWith('graphql/') && /(:\s*any\b|as any\b|<any>)/.test(f.text)).map((f) => f.path);
    expect(bad).toEqual([]);
  });
});
