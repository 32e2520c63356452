/**
 * Which app a launcher command serves: `--app <module>[#export]` names a module (path, or a
 * package specifier) exporting an `AppDefinition`; without it, Cruddur's (`../app/cruddur.ts`).
 * The export is the one named after `#`, else the default export, else the module's only export
 * shaped like an AppDefinition.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppDefinition } from '../app-definition.ts';

/** Enough of the shape to tell an AppDefinition from the module's other exports. */
function isAppDefinition(value: unknown): value is AppDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<AppDefinition>;
  return typeof v.name === 'string' && typeof v.schema === 'string' && Array.isArray(v.resolvers) && typeof v.bundleResolver === 'function' && typeof v.buildOutputs === 'function';
}

/** A file path is resolved from the working directory; anything else is imported as a package. */
function specifierOf(module: string): string {
  const isPath = module.startsWith('.') || module.startsWith('/') || /\.[cm]?[jt]s$/.test(module);
  return isPath ? pathToFileURL(path.resolve(module)).href : module;
}

/** Loads the app `spec` names (Cruddur's when undefined); throws with a message a person can act on. */
export async function loadApp(spec: string | undefined): Promise<AppDefinition> {
  if (spec === undefined) return (await import('../app/cruddur.ts')).cruddur;
  const hash = spec.lastIndexOf('#');
  const [module, exportName] = hash > 0 ? [spec.slice(0, hash), spec.slice(hash + 1)] : [spec, undefined];
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifierOf(module))) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`--app ${spec}: cannot load the module (${(err as Error).message})`);
  }
  if (exportName !== undefined) {
    if (!isAppDefinition(mod[exportName])) throw new Error(`--app ${spec}: the export '${exportName}' is not an AppDefinition`);
    return mod[exportName];
  }
  if (isAppDefinition(mod.default)) return mod.default;
  const apps = Object.entries(mod).filter(([, v]) => isAppDefinition(v));
  if (apps.length === 1) return apps[0][1] as AppDefinition;
  throw new Error(
    apps.length === 0
      ? `--app ${spec}: the module exports no AppDefinition (local/src/app-definition.ts)`
      : `--app ${spec}: the module exports several AppDefinitions (${apps.map(([n]) => n).join(', ')}); name one as <module>#<export>`,
  );
}
