import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:amplify-outputs';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/** Where the outputs file lives: the repo root, unless CRUDDUR_AMPLIFY_OUTPUTS names another file (tests). */
export function outputsPath(): string {
  const fromEnv = process.env.CRUDDUR_AMPLIFY_OUTPUTS;
  if (fromEnv) return resolve(fromEnv);
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', 'amplify_outputs.json');
}

/**
 * Serves `virtual:amplify-outputs`: `{ outputs, path, problem }` where `outputs` is the parsed
 * amplify_outputs.json (or null). A missing or malformed file is not a build error: the app shows
 * a page saying how to create it. In dev the file is watched, so restarting the offline stack
 * (which rewrites it, maybe with new ports) reloads the page.
 */
export function amplifyOutputs(): Plugin {
  const file = outputsPath();
  return {
    name: 'cruddur-amplify-outputs',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      // Only an existing file can be a watched dependency (Vite would try to import a missing one);
      // configureServer's watcher reloads the page when the file appears.
      if (existsSync(file)) this.addWatchFile(file);
      let outputs: unknown = null;
      let problem: string | null = null;
      if (!existsSync(file)) {
        problem = 'missing';
      } else {
        try {
          outputs = JSON.parse(readFileSync(file, 'utf8'));
        } catch (err) {
          problem = `not valid JSON: ${(err as Error).message}`;
        }
      }
      return `export default ${JSON.stringify({ outputs, path: file, problem })};`;
    },
    configureServer(server) {
      server.watcher.add(file);
      const reload = (changed: string) => {
        if (resolve(changed) !== file) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
