/**
 * How a cached resolver's entry is named, and how `extensions.evictFromApiCache` names one.
 *
 * AppSync builds an entry from the resolver and the values of its `cachingKeys` — entries of
 * `$context.arguments`, `$context.source` and `$context.identity` — or of the three maps whole when
 * none are given ("Configuring server-side caching", Per-resolver caching). An eviction names the
 * same keys without the `$` (`'context.arguments.handle'`), "in the same order as the caching keys
 * in the cached resolver's cachingKey" (extensions-js, evictFromApiCache), so a different order, a
 * missing key or a value of another JSON type names no entry.
 */
import type { CachingConfig } from '../../app-definition.ts';

/** The maps caching keys read, as the resolver sees them in `ctx`. */
export interface KeyMaps {
  arguments: unknown;
  source: unknown;
  identity: unknown;
}

/** AppSync's keys when a cached resolver names none. */
export const DEFAULT_CACHING_KEYS = ['$context.arguments', '$context.source', '$context.identity'] as const;

/** A caching key parsed once: its eviction name and where its value lives. */
interface ParsedKey {
  name: string;
  map: keyof KeyMaps;
  path: string[];
}

function parse(key: string): ParsedKey {
  const [, map, ...path] = key.replace(/^\$/, '').split('.');
  return { name: key.slice(1), map: map as keyof KeyMaps, path };
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[p];
  }
  // An absent argument and an explicit null are the same key: AppSync passes both as null.
  return v ?? null;
}

function entryName(typeField: string, pairs: [string, unknown][]): string {
  return `${typeField}\u0000${JSON.stringify(pairs)}`;
}

/** Computes one resolver's entry names; built once per cached resolver. */
export function entryNamer(typeField: string, config: CachingConfig): (maps: KeyMaps) => string {
  const keys = (config.keys.length > 0 ? config.keys : DEFAULT_CACHING_KEYS).map(parse);
  return (maps) => entryName(typeField, keys.map((k) => [k.name, valueAt(maps[k.map], k.path)]));
}

/**
 * The entry an `evictFromApiCache(typeName, fieldName, keyValues)` call names, or undefined when
 * the call cannot name one (keyValues not an object).
 */
export function evictionName(typeName: string, fieldName: string, keyValues: unknown): string | undefined {
  if (keyValues === null || typeof keyValues !== 'object' || Array.isArray(keyValues)) return undefined;
  const pairs = Object.entries(keyValues as Record<string, unknown>).map(([k, v]): [string, unknown] => [k, v ?? null]);
  return entryName(`${typeName}.${fieldName}`, pairs);
}
