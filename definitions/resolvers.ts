/**
 * Resolvers are wired by file name, so the folder listing *is* the wiring (after
 * aws-samples/aws-appsync-resolver-samples):
 *
 *   resolvers/Query.me.[table].ts                 unit resolver: type, field, data source
 *   resolvers/Mutation.createCrud/resolver.ts     pipeline resolver (before/after handlers)
 *   resolvers/Mutation.createCrud/1.validate.[NONE].ts
 *   resolvers/Mutation.createCrud/2.putCrud.[table].ts   pipeline functions, run in numeric order
 *
 * `resolvers/lib/` holds code resolvers import; `*.test.ts` are tests. Both are skipped here.
 * `local/` and `infra/` both call `discoverResolvers` and `bundleResolver`, so the offline engine
 * and the cloud API resolve exactly the same fields with exactly the same bundles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, buildSync, type BuildOptions } from 'esbuild';
import { resolverCaching, type CachingConfig } from './caching.ts';

export const resolversDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resolvers');

export interface PipelineFunctionWiring {
  name: string;
  dataSource: string;
  file: string;
}

export interface ResolverWiring {
  typeName: string;
  fieldName: string;
  kind: 'UNIT' | 'PIPELINE';
  /** Unit resolvers only. */
  dataSource?: string;
  /** The unit resolver's code, or the pipeline's before/after handlers. */
  file: string;
  functions: PipelineFunctionWiring[];
  /** Set when AppSync's cache may answer this resolver (definitions/caching.ts). */
  caching?: CachingConfig;
}

const unitName = /^([A-Z]\w*)\.(\w+)\.\[(\w+)\]\.ts$/;
const pipelineDir = /^([A-Z]\w*)\.(\w+)$/;
const functionName = /^(\d+)\.(\w+)\.\[(\w+)\]\.ts$/;

/**
 * Lists every resolver under `dir` with its caching config; throws on a file that does not follow
 * the naming rules, and on a caching config for a resolver that does not exist or that AppSync
 * would refuse. `caching` defaults to the app's (definitions/caching.ts) for the app's folder.
 */
export function discoverResolvers(
  dir: string = resolversDir,
  caching: Readonly<Record<string, CachingConfig>> = dir === resolversDir ? resolverCaching : {},
): ResolverWiring[] {
  const wirings = findResolvers(dir);
  for (const [key, config] of Object.entries(caching)) {
    checkCachingConfig(key, config);
    const wiring = wirings.find((w) => `${w.typeName}.${w.fieldName}` === key);
    if (!wiring) throw new Error(`definitions/caching.ts: ${key} has a caching config but no resolver`);
    wiring.caching = config;
  }
  return wirings;
}

const keyPattern = /^\$context\.(arguments|source|identity)(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** Throws unless `config` is one AppSync's CreateResolver would accept for `where`. */
function checkCachingConfig(where: string, config: CachingConfig): void {
  const { ttlSeconds, keys } = config;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 3600) {
    throw new Error(`${where}: caching ttlSeconds must be an integer from 1 to 3600, got ${ttlSeconds}`);
  }
  for (const key of keys) {
    if (!keyPattern.test(key)) throw new Error(`${where}: caching key '${key}' is not an entry of $context.arguments, $context.source or $context.identity`);
  }
  if (new Set(keys).size !== keys.length) throw new Error(`${where}: caching keys repeat`);
  const [type] = where.split('.');
  // (chosen) Only reads are cached: a write or a subscription start is never answered from a cache.
  if (type === 'Mutation' || type === 'Subscription') throw new Error(`${where}: only query and field resolvers can be cached`);
}

function findResolvers(dir: string): ResolverWiring[] {
  const wirings: ResolverWiring[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'lib' || entry.name.startsWith('.') || entry.name.endsWith('.test.ts')) continue;
    if (entry.isFile()) {
      if (!entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
      const m = unitName.exec(entry.name);
      if (!m) throw new Error(`resolvers/${entry.name}: expected <Type>.<field>.[<dataSource>].ts`);
      wirings.push({ typeName: m[1], fieldName: m[2], kind: 'UNIT', dataSource: m[3], file: path.join(dir, entry.name), functions: [] });
      continue;
    }
    const m = pipelineDir.exec(entry.name);
    if (!m) throw new Error(`resolvers/${entry.name}/: expected a <Type>.<field> pipeline folder`);
    const folder = path.join(dir, entry.name);
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    if (!files.includes('resolver.ts')) throw new Error(`resolvers/${entry.name}/: a pipeline needs resolver.ts`);
    const functions = files
      .filter((f) => f !== 'resolver.ts')
      .map((f) => {
        const fm = functionName.exec(f);
        if (!fm) throw new Error(`resolvers/${entry.name}/${f}: expected <n>.<name>.[<dataSource>].ts`);
        return { order: Number(fm[1]), name: fm[2], dataSource: fm[3], file: path.join(folder, f) };
      })
      .sort((a, b) => a.order - b.order);
    // Two steps with one number would run in an arbitrary order; two with one name collide as
    // CDK construct ids in the cloud only. Both are refused here, where both halves read them.
    for (let i = 1; i < functions.length; i += 1) {
      if (functions[i].order === functions[i - 1].order) throw new Error(`resolvers/${entry.name}/: two steps are numbered ${functions[i].order}`);
    }
    const names = functions.map((f) => f.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined) throw new Error(`resolvers/${entry.name}/: two steps are named ${twice}`);
    if (functions.length === 0 || functions.length > 10) {
      // AppSync allows 1–10 functions per pipeline.
      throw new Error(`resolvers/${entry.name}/: a pipeline has 1 to 10 functions, found ${functions.length}`);
    }
    wirings.push({ typeName: m[1], fieldName: m[2], kind: 'PIPELINE', file: path.join(folder, 'resolver.ts'), functions: functions.map(({ name, dataSource, file }) => ({ name, dataSource, file })) });
  }
  return wirings;
}

/**
 * AWS's esbuild recipe for APPSYNC_JS (developer guide, "additional-utilities.html"): one ESM
 * file, `@aws-appsync/*` external, inline source map without sources.
 */
function recipe(file: string): BuildOptions & { write: false } {
  return {
    entryPoints: [file],
    bundle: true,
    write: false,
    sourcemap: 'inline',
    sourcesContent: false,
    target: 'esnext',
    platform: 'node',
    format: 'esm',
    external: ['@aws-appsync/*'],
    logLevel: 'silent',
  };
}

/** Bundles one resolver file as AppSync expects it. */
export async function bundleResolver(file: string): Promise<string> {
  const result = await build(recipe(file));
  return result.outputFiles[0].text;
}

/** The same bundle, synchronously: CDK constructs are built synchronously. */
export function bundleResolverSync(file: string): string {
  return buildSync(recipe(file)).outputFiles[0].text;
}
